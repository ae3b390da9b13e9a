import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { CandorError, InputError } from '../core/index.js';
import { setNameOfFile } from './find-speechmap-files.js';
import { failureOf, TransientFailure, withRetry, type Context } from './github-requests.js';

export interface DownloadSpeechMapOptions {
  /** Files land in `<cacheDir>/<owner>-<repo>-<ref>/`, keeping their paths in the repository. */
  cacheDir: string;
  /** Only these question sets (the stems of `questions/*.jsonl`); default all. */
  includeSet?: (setName: string) => boolean;
  fetch?: typeof fetch;
  /** Default https://api.github.com */
  apiBase?: string;
  /** Default https://raw.githubusercontent.com */
  rawBase?: string;
  /** Parallel file downloads; default 4. */
  concurrency?: number;
  onProgress?: (event: {
    phase: 'list' | 'download';
    done: number;
    total: number;
    bytes: number;
    file?: string;
  }) => void;
  signal?: AbortSignal;
  /** Waits between retries; injectable so tests need not wait. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
}

export interface DownloadSpeechMapResult {
  folder: string;
  downloaded: number;
  reused: number;
  bytes: number;
}

const ACCEPTED_FORMS =
  'https://github.com/OWNER/REPO, https://github.com/OWNER/REPO.git or https://github.com/OWNER/REPO/tree/REF';
const NAME = /^[A-Za-z0-9_.-]+$/;
const JSONL_FILE = /^[^/\\\0.][^/\\\0]*\.jsonl(\.gz)?$/;

/** Reads OWNER, REPO and REF (default "main") from a GitHub repository URL. */
export function parseGitHubRepoUrl(url: string): { owner: string; repo: string; ref: string } {
  const reject = (why: string) => new InputError({ file: url }, `${why}; accepted forms: ${ACCEPTED_FORMS}`);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw reject('not a URL');
  }
  if (
    parsed.protocol !== 'https:' ||
    !['github.com', 'www.github.com'].includes(parsed.hostname) ||
    parsed.port !== ''
  ) {
    throw reject('not an https://github.com URL');
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw reject('unexpected query, fragment or credentials in the URL');
  }
  const segments = parsed.pathname.replace(/\/+$/, '').split('/').slice(1);
  const [owner, rawRepo, kind, ...rest] = segments;
  if (owner === undefined || rawRepo === undefined) throw reject('expected an owner and a repository');
  const repo = rawRepo.replace(/\.git$/, '');
  const valid = (name: string) => NAME.test(name) && name !== '.' && name !== '..';
  if (!valid(owner) || !valid(repo)) throw reject('invalid owner or repository name');
  if (kind === undefined) return { owner, repo, ref: 'main' };
  if (rawRepo === repo && kind === 'tree' && rest.length > 0 && rest.every((segment) => segment !== '')) {
    let ref: string;
    try {
      ref = rest.map(decodeURIComponent).join('/');
    } catch {
      throw reject('invalid ref');
    }
    if (!ref.split('/').every(valid)) throw reject('invalid ref');
    return { owner, repo, ref };
  }
  throw reject('unsupported path');
}

interface TreeEntry {
  path: string;
  type: string;
  size?: number | undefined;
  sha: string;
}

const treeSchema = z.object({
  tree: z.array(
    z.object({ path: z.string(), type: z.string(), size: z.number().int().nonnegative().optional(), sha: z.string() }),
  ),
  truncated: z.boolean().optional(),
});

function isWantedFolder(name: string): boolean {
  return name === 'questions' || name === 'responses' || (name.startsWith('analysis') && NAME.test(name));
}

/** Direct children of questions/, responses/ and analysis*\/ only, like a local SpeechMap folder is read. */
function isWantedBlob(entry: TreeEntry): entry is TreeEntry & { size: number } {
  const parts = entry.path.split('/');
  return (
    entry.type === 'blob' &&
    entry.size !== undefined &&
    parts.length === 2 &&
    isWantedFolder(parts[0]!) &&
    JSONL_FILE.test(parts[1]!)
  );
}

async function getTree(
  context: Context,
  treeRef: string,
  recursive: boolean,
  signal: AbortSignal,
): Promise<z.infer<typeof treeSchema>> {
  const url = `${context.apiBase}/repos/${context.owner}/${context.repo}/git/trees/${encodeURIComponent(treeRef)}${recursive ? '?recursive=1' : ''}`;
  const what = `listing ${context.owner}/${context.repo} at ${context.ref}`;
  return withRetry(context, what, signal, async () => {
    const response = await context.fetch(url, {
      headers: { ...context.headers, accept: 'application/vnd.github+json' },
      signal,
    });
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      throw new CandorError(
        'not_found',
        `repository or ref not found: ${context.owner}/${context.repo} at "${context.ref}" (${url}); check the URL (pass the repository URL, not a subfolder) or download the folder and pass its path`,
      );
    }
    if (!response.ok) throw await failureOf(context, response, what, url);
    const parsed = treeSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new CandorError('unexpected_response', `${what}: ${url} did not return a git tree listing`);
    return parsed.data;
  });
}

/** Lists the wanted blobs; when the recursive listing is truncated, lists each wanted folder on its own. */
async function listWantedBlobs(context: Context, signal: AbortSignal, progress: (done: number, total: number) => void) {
  progress(0, 1);
  const root = await getTree(context, context.ref, true, signal);
  progress(1, 1);
  if (!root.truncated) return root.tree.filter(isWantedBlob);
  const top = await getTree(context, context.ref, false, signal);
  const folders = top.tree.filter((entry) => entry.type === 'tree' && isWantedFolder(entry.path));
  const total = 2 + folders.length;
  progress(2, total);
  const blobs: (TreeEntry & { size: number })[] = [];
  for (const [index, folder] of folders.entries()) {
    const listing = await getTree(context, folder.sha, false, signal);
    if (listing.truncated)
      throw new CandorError(
        'unexpected_response',
        `the listing of ${folder.path}/ is truncated; download the folder and pass its path`,
      );
    blobs.push(
      ...listing.tree.map((entry) => ({ ...entry, path: `${folder.path}/${entry.path}` })).filter(isWantedBlob),
    );
    progress(3 + index, total);
  }
  return blobs;
}

function selectBlobs<T extends TreeEntry>(blobs: T[], includeSet: ((setName: string) => boolean) | undefined): T[] {
  if (!includeSet) return blobs;
  const knownSets = blobs
    .filter((blob) => blob.path.startsWith('questions/'))
    .map((blob) => blob.path.slice('questions/'.length).replace(/\.jsonl(\.gz)?$/, ''));
  return blobs.filter((blob) => {
    const set = setNameOfFile(blob.path, knownSets);
    return set !== null && includeSet(set);
  });
}

async function sizeOnDisk(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** Downloads one file to `<target>.part`, checks its size, then renames it into place. Returns bytes written. */
async function downloadFile(
  context: Context,
  blob: TreeEntry & { size: number },
  target: string,
  signal: AbortSignal,
): Promise<number> {
  const encodedPath = blob.path.split('/').map(encodeURIComponent).join('/');
  const encodedRef = context.ref.split('/').map(encodeURIComponent).join('/');
  const url = `${context.rawBase}/${context.owner}/${context.repo}/${encodedRef}/${encodedPath}`;
  const part = `${target}.part`;
  await mkdir(dirname(target), { recursive: true });
  try {
    return await withRetry(context, `downloading ${blob.path}`, signal, async () => {
      const response = await context.fetch(url, { headers: context.headers, signal });
      if (!response.ok || !response.body) throw await failureOf(context, response, `downloading ${blob.path}`, url);
      let written = 0;
      let head = '';
      try {
        await pipeline(
          Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              if (written === 0) head = chunk.subarray(0, 40).toString('latin1');
              written += chunk.length;
              yield chunk;
            }
          },
          createWriteStream(part),
          { signal },
        );
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new TransientFailure(
          `transfer interrupted (${error instanceof Error ? error.message : String(error)})`,
          null,
          null,
        );
      }
      if (head.startsWith('version https://git-lfs')) {
        throw new CandorError(
          'download_failed',
          `${blob.path} is stored with Git LFS; clone the repository with git lfs and pass the folder's path`,
        );
      }
      if (written !== blob.size) throw new TransientFailure(`got ${written} bytes, expected ${blob.size}`, null, null);
      await rename(part, target);
      return written;
    });
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Downloads the questions/, responses/ and analysis*\/ files of a public SpeechMap data repository on
 * GitHub into a cache folder that reads like a local SpeechMap data folder. Files already there with
 * the listed size are reused. Uses GITHUB_TOKEN when set (https://docs.github.com/en/rest/git/trees).
 */
export async function downloadSpeechMap(
  url: string,
  options: DownloadSpeechMapOptions,
): Promise<DownloadSpeechMapResult> {
  const { owner, repo, ref } = parseGitHubRepoUrl(url);
  const token = process.env.GITHUB_TOKEN?.trim() || null;
  const context: Context = {
    owner,
    repo,
    ref,
    apiBase: (options.apiBase ?? 'https://api.github.com').replace(/\/+$/, ''),
    rawBase: (options.rawBase ?? 'https://raw.githubusercontent.com').replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch,
    headers: { 'user-agent': 'candor', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    token,
    sleep: options.sleep ?? ((milliseconds, signal) => delay(milliseconds, undefined, { signal })),
  };
  const folder = join(options.cacheDir, `${owner}-${repo}-${ref.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  const onProgress = options.onProgress ?? (() => undefined);

  // One controller for the whole download: the caller's abort or the first failed file stops the rest.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forwardAbort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const blobs = await listWantedBlobs(context, controller.signal, (done, total) =>
      onProgress({ phase: 'list', done, total, bytes: 0 }),
    );
    const selected = selectBlobs(blobs, options.includeSet).sort((left, right) => left.path.localeCompare(right.path));
    if (selected.length === 0) {
      throw new InputError(
        { file: url },
        options.includeSet
          ? 'no question sets matched; check the set names against questions/ in the repository'
          : 'no SpeechMap files found: expected .jsonl or .jsonl.gz files in questions/, responses/ or analysis*/',
      );
    }

    const result: DownloadSpeechMapResult = { folder, downloaded: 0, reused: 0, bytes: 0 };
    let next = 0;
    let done = 0;
    let firstError: unknown;
    const worker = async () => {
      while (next < selected.length && firstError === undefined) {
        const blob = selected[next++]!;
        try {
          controller.signal.throwIfAborted();
          const target = join(folder, ...blob.path.split('/'));
          if ((await sizeOnDisk(target)) === blob.size) {
            result.reused++;
          } else {
            // Await first: `bytes += await …` would read the total before other workers add to it.
            const written = await downloadFile(context, blob, target, controller.signal);
            result.bytes += written;
            result.downloaded++;
          }
          onProgress({ phase: 'download', done: ++done, total: selected.length, bytes: result.bytes, file: blob.path });
        } catch (error) {
          if (firstError === undefined) {
            firstError = error;
            controller.abort(error);
          }
        }
      }
    };
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    await Promise.all(Array.from({ length: Math.min(concurrency, selected.length) }, worker));
    if (firstError !== undefined) throw firstError;
    return result;
  } finally {
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}
