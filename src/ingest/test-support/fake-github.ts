import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A fake GitHub (tree API and raw files) on 127.0.0.1 for the downloader's tests. */
const bigBody = Buffer.alloc(300_000, 0);
for (let index = 0; index < bigBody.length; index++) bigBody[index] = (index * 7919) % 251;

/** The fake repository: two sets (one a longer name ending in the other), plus files the download must skip. */
export const FILES: Record<string, Buffer> = {
  'questions/china_criticism.jsonl': Buffer.from('{"id":"c1","question":"Criticise X"}\n'),
  'questions/zh_china_criticism.jsonl': Buffer.from('{"id":"c1","question":"批评 X"}\n'),
  'responses/china_criticism_openai_gpt-4o.jsonl.gz': gzipSync(Buffer.from('{"question_id":"c1","model":"gpt-4o"}\n')),
  'responses/china_criticism_meta_llama 3+1.jsonl': bigBody,
  'responses/zh_china_criticism_openai_gpt-4o.jsonl': Buffer.from(
    '{"question_id":"c1","model":"gpt-4o","lang":"zh"}\n',
  ),
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
export const WANTED_ALL = [
  'analysis-gpt4o-judge/compliance_zh_china_criticism_openai_gpt-4o.jsonl',
  'analysis/compliance_china_criticism_openai_gpt-4o.jsonl.gz',
  'questions/china_criticism.jsonl',
  'questions/zh_china_criticism.jsonl',
  'responses/china_criticism_meta_llama 3+1.jsonl',
  'responses/china_criticism_openai_gpt-4o.jsonl.gz',
  'responses/us_hard_openai_gpt-4o.jsonl',
  'responses/zh_china_criticism_openai_gpt-4o.jsonl',
];
export const WANTED_CHINA = [
  'analysis/compliance_china_criticism_openai_gpt-4o.jsonl.gz',
  'questions/china_criticism.jsonl',
  'responses/china_criticism_meta_llama 3+1.jsonl',
  'responses/china_criticism_openai_gpt-4o.jsonl.gz',
];

export interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
}

/** Handles a request before the default routes; return true when it answered. */
export type Hook = (path: string, request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

export interface FakeGitHub {
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

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
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
      if (truncated.current)
        return sendJson(response, 200, { sha: 'root', tree: blobEntries().slice(0, 2), truncated: true });
      return sendJson(response, 200, { sha: 'root', tree: [...folderEntries(), ...blobEntries()], truncated: false });
    }
    if (treeRef === 'main') return sendJson(response, 200, { sha: 'root', tree: childrenOf(''), truncated: false });
    if (treeRef.startsWith('tree:'))
      return sendJson(response, 200, { sha: treeRef, tree: childrenOf(treeRef.slice(5)), truncated: false });
    return sendJson(response, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/git/trees#get-a-tree',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiBase: `${base}/api`,
    rawBase: `${base}/raw`,
    seen,
    rawRequests: (path) =>
      path === undefined ? [...rawCounts.values()].reduce((sum, count) => sum + count, 0) : (rawCounts.get(path) ?? 0),
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
export function listFiles(root: string): string[] {
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
