import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandorError, InputError } from '../core/index.js';
import { downloadSpeechMap, parseGitHubRepoUrl, type DownloadSpeechMapOptions } from './download-speechmap.js';

const bigBody = Buffer.alloc(300_000, 0);
for (let index = 0; index < bigBody.length; index++) bigBody[index] = (index * 7919) % 251;

/** The fake repository: two sets (one a longer name ending in the other), plus files the download must skip. */
const FILES: Record<string, Buffer> = {
  'questions/china_criticism.jsonl': Buffer.from('{"id":"c1","question":"Criticise X"}\n'),
  'questions/zh_china_criticism.jsonl': Buffer.from('{"id":"c1","question":"批评 X"}\n'),
  'responses/china_criticism_openai_gpt-4o.jsonl.gz': gzipSync(Buffer.from('{"question_id":"c1","model":"gpt-4o"}\n')),
  'responses/china_criticism_meta_llama 3+1.jsonl': bigBody,
  'responses/zh_china_criticism_openai_gpt-4o.jsonl': Buffer.from('{"question_id":"c1","model":"gpt-4o","lang":"zh"}\n'),
  'responses/us_hard_openai_gpt-4o.jsonl': Buffer.from('{"question_id":"u1"}\n'),
  'analysis/compliance_china_criticism_openai_gpt-4o.jsonl.gz': gzipSync(Buffer.from('{"compliance":"COMPLETE"}\n')),
  'analysis-gpt4o-judge/compliance_zh_china_criticism_openai_gpt-4o.jsonl': Buffer.from('{"compliance":"DENIAL"}\n'),
  // Not wanted: other folders, top-level files, non-JSONL files, nested folders.
  'judge-labels/us_hard_adjudicated.jsonl.gz': gzipSync(Buffer.from('{"label":"EVASIVE"}\n')),
  'model_catalog.jsonl': Buffer.from('{"model":"gpt-4o"}\n'),
  'README.md': Buffer.from('# data\n'),
  'questions/README.md': Buffer.from('# questions\n'),
  'questions/old/legacy.jsonl': Buffer.from('{"id":"old"}\n'),
};
const WANTED_ALL = [
  'analysis-gpt4o-judge/compliance_zh_china_criticism_openai_gpt-4o.jsonl',
  'analysis/compliance_china_criticism_openai_gpt-4o.jsonl.gz',
  'questions/china_criticism.jsonl',
  'questions/zh_china_criticism.jsonl',
  'responses/china_criticism_meta_llama 3+1.jsonl',
  'responses/china_criticism_openai_gpt-4o.jsonl.gz',
  'responses/us_hard_openai_gpt-4o.jsonl',
  'responses/zh_china_criticism_openai_gpt-4o.jsonl',
];
const WANTED_CHINA = [
  'analysis/compliance_china_criticism_openai_gpt-4o.jsonl.gz',
  'questions/china_criticism.jsonl',
  'responses/china_criticism_meta_llama 3+1.jsonl',
  'responses/china_criticism_openai_gpt-4o.jsonl.gz',
];

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
}

/** Handles a request before the default routes; return true when it answered. */
type Hook = (path: string, request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

interface FakeGitHub {
  apiBase: string;
  rawBase: string;
  seen: Seen[];
  /** Raw file requests by decoded repository path. */
  rawRequests: (path?: string) => number;
  hook: { current: Hook | null };
  truncated: { current: boolean };
  close: () => Promise<void>;
}

function folderEntries() {
  const folders = new Set<string>();
  for (const path of Object.keys(FILES)) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  return [...folders].map((path) => ({ path, type: 'tree', sha: `tree:${path}` }));
}

function blobEntries() {
  return Object.entries(FILES).map(([path, body]) => ({ path, type: 'blob', size: body.length, sha: `blob:${path}` }));
}

/** Direct children of a folder ('' for the root), with paths relative to it, as GitHub lists a non-recursive tree. */
function childrenOf(folder: string) {
  const prefix = folder === '' ? '' : `${folder}/`;
  return [...folderEntries(), ...blobEntries()]
    .filter((entry) => entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes('/'))
    .map((entry) => ({ ...entry, path: entry.path.slice(prefix.length) }));
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function startFakeGitHub(): Promise<FakeGitHub> {
  const seen: Seen[] = [];
  const rawCounts = new Map<string, number>();
  const hook: FakeGitHub['hook'] = { current: null };
  const truncated = { current: false };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url!, 'http://127.0.0.1');
    seen.push({ url: request.url!, headers: request.headers });
    const raw = /^\/raw\/owner\/repo\/main\/(.+)$/.exec(url.pathname);
    const path = raw ? raw[1]!.split('/').map(decodeURIComponent).join('/') : url.pathname;
    if (raw) rawCounts.set(path, (rawCounts.get(path) ?? 0) + 1);
    if (hook.current && (await hook.current(path, request, response))) return;
    if (raw) {
      const body = FILES[path];
      if (!body) return sendJson(response, 404, { message: 'Not Found' });
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      return response.end(body);
    }
    const tree = /^\/api\/repos\/owner\/repo\/git\/trees\/(.+)$/.exec(url.pathname);
    if (!tree) return sendJson(response, 404, { message: 'Not Found' });
    const treeRef = decodeURIComponent(tree[1]!);
    if (treeRef === 'main' && url.searchParams.get('recursive') === '1') {
      if (truncated.current) return sendJson(response, 200, { sha: 'root', tree: blobEntries().slice(0, 2), truncated: true });
      return sendJson(response, 200, { sha: 'root', tree: [...folderEntries(), ...blobEntries()], truncated: false });
    }
    if (treeRef === 'main') return sendJson(response, 200, { sha: 'root', tree: childrenOf(''), truncated: false });
    if (treeRef.startsWith('tree:')) return sendJson(response, 200, { sha: treeRef, tree: childrenOf(treeRef.slice(5)), truncated: false });
    return sendJson(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/trees#get-a-tree' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBase: `${base}/api`,
    rawBase: `${base}/raw`,
    seen,
    rawRequests: (path) => (path === undefined ? [...rawCounts.values()].reduce((sum, count) => sum + count, 0) : (rawCounts.get(path) ?? 0)),
    hook,
    truncated,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file under a folder, relative and sorted. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort();
}

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
    expect(github.seen.some((request) => request.url.includes('judge-labels') || request.url.includes('model_catalog'))).toBe(false);
  });

  it('URL-encodes path segments and sends user-agent candor without authorization when GITHUB_TOKEN is unset', async () => {
    await downloadSpeechMap(URL_MAIN, options());
    expect(github.seen.map((request) => request.url)).toContain('/raw/owner/repo/main/responses/china_criticism_meta_llama%203%2B1.jsonl');
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
    const error = await downloadSpeechMap(URL_MAIN, options({ includeSet: () => false })).catch((caught: unknown) => caught);
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
    expect(readFileSync(join(result.folder, 'questions/china_criticism.jsonl')).equals(FILES['questions/china_criticism.jsonl']!)).toBe(true);
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
    const error = await downloadSpeechMap(URL_MAIN, options({ signal: controller.signal })).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(existsSync(join(cacheDir, 'owner-repo-main', path))).toBe(false);
    expect(github.rawRequests(path)).toBe(1);
  });

  it('a 404 on the tree is a CandorError naming the repository and ref', async () => {
    const error = await downloadSpeechMap('https://github.com/owner/repo/tree/nope', options()).catch((caught: unknown) => caught);
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
      sendJson(response, 403, { message: `API rate limit exceeded for ${request.headers.authorization}` }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' });
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
    await expect(downloadSpeechMap(URL_MAIN, options())).rejects.toThrow(/set GITHUB_TOKEN to a GitHub token, or download the folder/);
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
    expect(github.seen.map((request) => request.url)).toContain(`/api/repos/owner/repo/git/trees/${encodeURIComponent('tree:analysis-gpt4o-judge')}`);
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
    const result = await downloadSpeechMap(URL_MAIN, options({ concurrency: 2, onProgress: (event) => events.push(event) }));
    expect(peak).toBe(2);
    expect(events.filter((event) => event.phase === 'list').at(-1)).toMatchObject({ done: 1, total: 1 });
    const downloads = events.filter((event) => event.phase === 'download');
    expect(downloads.map((event) => event.done)).toEqual(WANTED_ALL.map((_, index) => index + 1));
    expect(downloads.at(-1)).toMatchObject({ total: WANTED_ALL.length, bytes: result.bytes });
  });
});

describe('parseGitHubRepoUrl', () => {
  it.each([
    ['https://github.com/xlr8harder/speechmap-data', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    ['https://github.com/xlr8harder/speechmap-data/', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    ['https://github.com/xlr8harder/speechmap-data.git', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    ['https://github.com/xlr8harder/speechmap-data/tree/v1.2', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'v1.2' }],
    ['https://github.com/xlr8harder/speechmap-data/tree/release/2025-01', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'release/2025-01' }],
  ])('accepts %s', (url, expected) => {
    expect(parseGitHubRepoUrl(url)).toEqual(expected);
  });

  it.each([
    'github.com/xlr8harder/speechmap-data',
    'http://github.com/xlr8harder/speechmap-data',
    'https://gitlab.com/xlr8harder/speechmap-data',
    'git@github.com:xlr8harder/speechmap-data.git',
    'https://github.com/xlr8harder',
    'https://github.com/xlr8harder/speechmap-data/blob/main/questions/us_hard.jsonl',
    'https://github.com/xlr8harder/speechmap-data/tree/',
    'https://github.com/xlr8harder/speechmap-data/tree/../x',
    'https://github.com/xlr8harder/speechmap-data?tab=readme',
    '/work/shared/speechmap-data',
  ])('rejects %s with an InputError listing the accepted forms', (url) => {
    expect(() => parseGitHubRepoUrl(url)).toThrow(InputError);
    expect(() => parseGitHubRepoUrl(url)).toThrow(/accepted forms: https:\/\/github\.com\/OWNER\/REPO, .*\/tree\/REF/);
  });
});
