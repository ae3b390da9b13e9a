import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandorError, InputError } from '../core/index.js';
import { downloadSpeechMap, type DownloadSpeechMapOptions } from './download-speechmap.js';
import {
  FILES,
  WANTED_ALL,
  WANTED_CHINA,
  listFiles,
  sendJson,
  startFakeGitHub,
  type FakeGitHub,
} from './test-support/fake-github.js';

const URL_MAIN = 'https://github.com/owner/repo';

let github: FakeGitHub;
let cacheDir: string;
let sleeps: number[];
let savedToken: string | undefined;

function options(extra: Partial<DownloadSpeechMapOptions> = {}): DownloadSpeechMapOptions {
  return {
    cacheDir,
    apiBase: github.apiBase,
    rawBase: github.rawBase,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    ...extra,
  };
}

beforeEach(async () => {
  savedToken = process.env.GITHUB_TOKEN;
  delete process.env.GITHUB_TOKEN;
  github = await startFakeGitHub();
  cacheDir = mkdtempSync(join(tmpdir(), 'candor-download-'));
  sleeps = [];
});

afterEach(async () => {
  if (savedToken === undefined) delete process.env.GITHUB_TOKEN;
  else process.env.GITHUB_TOKEN = savedToken;
  await github.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('downloadSpeechMap', () => {
  it('downloads only questions/, responses/ and analysis*/ JSONL files, byte for byte, into <owner>-<repo>-<ref>/', async () => {
    const result = await downloadSpeechMap(URL_MAIN, options());
    expect(result.folder).toBe(join(cacheDir, 'owner-repo-main'));
    expect(listFiles(result.folder)).toEqual(WANTED_ALL);
    for (const path of WANTED_ALL) expect(readFileSync(join(result.folder, path)).equals(FILES[path]!)).toBe(true);
    expect(result).toMatchObject({ downloaded: WANTED_ALL.length, reused: 0 });
    expect(result.bytes).toBe(WANTED_ALL.reduce((sum, path) => sum + FILES[path]!.length, 0));
    expect(github.rawRequests()).toBe(WANTED_ALL.length);
    expect(
      github.seen.some((request) => request.url.includes('judge-labels') || request.url.includes('model_catalog')),
    ).toBe(false);
  });

  it('URL-encodes path segments and sends user-agent candor without authorization when GITHUB_TOKEN is unset', async () => {
    await downloadSpeechMap(URL_MAIN, options());
    expect(github.seen.map((request) => request.url)).toContain(
      '/raw/owner/repo/main/responses/china_criticism_meta_llama%203%2B1.jsonl',
    );
    expect(github.seen.map((request) => request.url)).toContain('/api/repos/owner/repo/git/trees/main?recursive=1');
    for (const request of github.seen) {
      expect(request.headers['user-agent']).toBe('candor');
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('filters by set with the longest known set name: china_criticism does not pull zh_china_criticism', async () => {
    const result = await downloadSpeechMap(URL_MAIN, options({ includeSet: (set) => set === 'china_criticism' }));
    expect(listFiles(result.folder)).toEqual(WANTED_CHINA);
    expect(github.rawRequests()).toBe(WANTED_CHINA.length);

    const zh = await downloadSpeechMap(URL_MAIN, options({ includeSet: (set) => set === 'zh_china_criticism' }));
    expect(zh.downloaded).toBe(3);
    expect(listFiles(zh.folder).filter((path) => path.includes('zh_china_criticism'))).toEqual([
      'analysis-gpt4o-judge/compliance_zh_china_criticism_openai_gpt-4o.jsonl',
      'questions/zh_china_criticism.jsonl',
      'responses/zh_china_criticism_openai_gpt-4o.jsonl',
    ]);
  });

  it('an empty selection is an InputError saying no question sets matched', async () => {
    const error = await downloadSpeechMap(URL_MAIN, options({ includeSet: () => false })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/no question sets matched/);
    expect(github.rawRequests()).toBe(0);
  });

  it('reuses cached files of the listed size without new raw requests, and re-downloads a file whose size is wrong', async () => {
    await downloadSpeechMap(URL_MAIN, options());
    const second = await downloadSpeechMap(URL_MAIN, options());
    expect(second).toMatchObject({ downloaded: 0, reused: WANTED_ALL.length, bytes: 0 });
    expect(github.rawRequests()).toBe(WANTED_ALL.length);

    const damaged = 'responses/china_criticism_meta_llama 3+1.jsonl';
    truncateSync(join(second.folder, damaged), 10);
    const third = await downloadSpeechMap(URL_MAIN, options());
    expect(third).toMatchObject({ downloaded: 1, reused: WANTED_ALL.length - 1, bytes: FILES[damaged]!.length });
    expect(github.rawRequests(damaged)).toBe(2);
    expect(readFileSync(join(third.folder, damaged)).equals(FILES[damaged]!)).toBe(true);
  });

  it('retries a 503 on the tree and a network error on a file, then succeeds', async () => {
    let treeFailures = 0;
    let fileFailures = 0;
    github.hook.current = (path, request, response) => {
      if (path.includes('/git/trees/') && treeFailures < 1) {
        treeFailures++;
        sendJson(response, 503, { message: 'unavailable' }, { 'retry-after': '0' });
        return true;
      }
      if (path === 'questions/china_criticism.jsonl' && fileFailures < 2) {
        fileFailures++;
        request.socket.destroy();
        return true;
      }
      return false;
    };
    const result = await downloadSpeechMap(URL_MAIN, options());
    expect(result.downloaded).toBe(WANTED_ALL.length);
    expect(github.rawRequests('questions/china_criticism.jsonl')).toBe(3);
    expect(
      readFileSync(join(result.folder, 'questions/china_criticism.jsonl')).equals(
        FILES['questions/china_criticism.jsonl']!,
      ),
    ).toBe(true);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[0]).toBe(0); // honours retry-after
  });

  it('retries a transfer cut off mid-body and keeps only the complete file', async () => {
    const path = 'responses/china_criticism_meta_llama 3+1.jsonl';
    let cuts = 0;
    github.hook.current = (requested, _request, response) => {
      if (requested !== path || cuts >= 1) return false;
      cuts++;
      response.writeHead(200, { 'content-length': FILES[path]!.length });
      response.write(FILES[path]!.subarray(0, 1000), () => response.destroy());
      return true;
    };
    const result = await downloadSpeechMap(URL_MAIN, options());
    expect(github.rawRequests(path)).toBe(2);
    expect(readFileSync(join(result.folder, path)).equals(FILES[path]!)).toBe(true);
    expect(listFiles(result.folder).some((file) => file.endsWith('.part'))).toBe(false);
  });

  it('treats a complete response shorter than the listed size as a failed attempt', async () => {
    const path = 'responses/china_criticism_meta_llama 3+1.jsonl';
    let short = 0;
    github.hook.current = (requested, _request, response) => {
      if (requested !== path || short >= 1) return false;
      short++;
      response.writeHead(200, { 'content-length': 1000 });
      response.end(FILES[path]!.subarray(0, 1000));
      return true;
    };
    const result = await downloadSpeechMap(URL_MAIN, options());
    expect(github.rawRequests(path)).toBe(2);
    expect(readFileSync(join(result.folder, path)).equals(FILES[path]!)).toBe(true);
  });

  it('gives up after 3 retries and leaves no final file for the failed download', async () => {
    const path = 'responses/china_criticism_meta_llama 3+1.jsonl';
    github.hook.current = (requested, _request, response) => {
      if (requested !== path) return false;
      response.writeHead(200, { 'content-length': FILES[path]!.length });
      response.write(FILES[path]!.subarray(0, 1000), () => response.destroy());
      return true;
    };
    const error = await downloadSpeechMap(URL_MAIN, options({ concurrency: 1 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CandorError);
    expect((error as CandorError).code).toBe('download_failed');
    expect((error as Error).message).toMatch(/after 4 attempts/);
    expect(github.rawRequests(path)).toBe(4);
    const folder = join(cacheDir, 'owner-repo-main');
    expect(existsSync(join(folder, path))).toBe(false);
    expect(listFiles(folder).filter((file) => !file.endsWith('.part'))).not.toContain(path);
  });

  it('an abort during a download rejects and leaves no final file', async () => {
    const path = 'responses/china_criticism_meta_llama 3+1.jsonl';
    const controller = new AbortController();
    github.hook.current = (requested, _request, response) => {
      if (requested !== path) return false;
      response.writeHead(200, { 'content-length': FILES[path]!.length });
      response.write(FILES[path]!.subarray(0, 1000), () => setTimeout(() => controller.abort(), 20)); // then stall
      return true;
    };
    const error = await downloadSpeechMap(URL_MAIN, options({ signal: controller.signal })).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).name).toBe('AbortError');
    expect(existsSync(join(cacheDir, 'owner-repo-main', path))).toBe(false);
    expect(github.rawRequests(path)).toBe(1);
  });

  it('a 404 on the tree is a CandorError naming the repository and ref', async () => {
    const error = await downloadSpeechMap('https://github.com/owner/repo/tree/nope', options()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CandorError);
    expect((error as CandorError).code).toBe('not_found');
    expect((error as Error).message).toMatch(/^repository or ref not found: owner\/repo at "nope"/);
    expect(github.rawRequests()).toBe(0);
    expect(sleeps).toEqual([]);
  });

  it('a 403 rate limit says to set GITHUB_TOKEN or pass a folder; the token is sent but never shown', async () => {
    process.env.GITHUB_TOKEN = 'ghp_secret_token_123456';
    github.hook.current = (path, request, response) => {
      if (!path.includes('/git/trees/')) return false;
      sendJson(
        response,
        403,
        { message: `API rate limit exceeded for ${request.headers.authorization}` },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
      );
      return true;
    };
    const error = await downloadSpeechMap(URL_MAIN, options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CandorError);
    expect((error as CandorError).code).toBe('rate_limited');
    expect((error as Error).message).toMatch(/GITHUB_TOKEN/);
    expect((error as Error).message).toMatch(/pass its path/);
    expect((error as Error).message).not.toContain('ghp_secret_token_123456');
    expect(github.seen[0]!.headers.authorization).toBe('Bearer ghp_secret_token_123456');
  });

  it('a 403 rate limit without a token says to set GITHUB_TOKEN', async () => {
    github.hook.current = (path, _request, response) => {
      if (!path.includes('/git/trees/')) return false;
      sendJson(response, 403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' });
      return true;
    };
    await expect(downloadSpeechMap(URL_MAIN, options())).rejects.toThrow(
      /set GITHUB_TOKEN to a GitHub token, or download the folder/,
    );
  });

  it('redacts the token from an error body excerpt', async () => {
    process.env.GITHUB_TOKEN = 'ghp_secret_token_123456';
    github.hook.current = (path, request, response) => {
      if (path !== 'questions/china_criticism.jsonl') return false;
      sendJson(response, 400, { message: `bad request with ${request.headers.authorization}` });
      return true;
    };
    const error = await downloadSpeechMap(URL_MAIN, options()).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/HTTP 400/);
    expect((error as Error).message).toContain('[redacted]');
    expect((error as Error).message).not.toContain('ghp_secret_token_123456');
  });

  it('lists each wanted folder on its own when the recursive listing is truncated', async () => {
    github.truncated.current = true;
    const result = await downloadSpeechMap(URL_MAIN, options());
    expect(listFiles(result.folder)).toEqual(WANTED_ALL);
    expect(github.seen.map((request) => request.url)).toContain(
      `/api/repos/owner/repo/git/trees/${encodeURIComponent('tree:analysis-gpt4o-judge')}`,
    );
    expect(github.seen.some((request) => request.url.includes(encodeURIComponent('tree:judge-labels')))).toBe(false);
  });

  it('keeps at most `concurrency` downloads in flight and reports progress up to done === total', async () => {
    let inFlight = 0;
    let peak = 0;
    github.hook.current = async (path, _request, response) => {
      if (!(path in FILES)) return false;
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight--;
      response.writeHead(200, { 'content-length': FILES[path]!.length });
      response.end(FILES[path]);
      return true;
    };
    const events: Parameters<NonNullable<DownloadSpeechMapOptions['onProgress']>>[0][] = [];
    const result = await downloadSpeechMap(
      URL_MAIN,
      options({ concurrency: 2, onProgress: (event) => events.push(event) }),
    );
    expect(peak).toBe(2);
    expect(events.filter((event) => event.phase === 'list').at(-1)).toMatchObject({ done: 1, total: 1 });
    const downloads = events.filter((event) => event.phase === 'download');
    expect(downloads.map((event) => event.done)).toEqual(WANTED_ALL.map((_, index) => index + 1));
    expect(downloads.at(-1)).toMatchObject({ total: WANTED_ALL.length, bytes: result.bytes });
  });
});
