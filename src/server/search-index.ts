import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SearchHit, SearchKind, SearchResponse } from './api-types/questions.js';
import { restoreStoredText, type CandorStore, type SearchDocument } from '../store/index.js';
import { snippetAround } from './snippet-around.js';

/** Full-text search over prompts, answers and judge explanations, kept in a side SQLite file. */
export interface SearchIndex {
  search(query: string, limit: number): SearchResponse;
  close(): void;
}

interface DocumentRecord {
  rowid?: number;
  body: string;
  kind: SearchKind;
  set_name: string;
  question_id: string;
  model: string | null;
  label: string | null;
  snip: string | null;
}

const LATEST_JUDGMENTS = `SELECT response_id, label, explanation,
  ROW_NUMBER() OVER (PARTITION BY response_id ORDER BY judged_at DESC, judgment_id DESC) AS position FROM src.judgments`;

const CREATE_TABLES = `DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;
    CREATE TABLE meta (version TEXT NOT NULL);
    CREATE VIRTUAL TABLE documents USING fts5(body, kind UNINDEXED, set_name UNINDEXED, question_id UNINDEXED,
      model UNINDEXED, label UNINDEXED, tokenize = 'trigram');
    CREATE VIRTUAL TABLE words USING fts5(body, kind UNINDEXED, set_name UNINDEXED, question_id UNINDEXED,
      model UNINDEXED, label UNINDEXED, content = 'documents', tokenize = 'unicode61 remove_diacritics 2')`;

function createTables(index: Database.Database): void {
  index.exec(CREATE_TABLES);
}

function finishIndex(index: Database.Database, version: string): void {
  index.exec(`INSERT INTO words (rowid, body) SELECT rowid, body FROM documents`);
  index.prepare('INSERT INTO meta (version) VALUES (?)').run(version);
}

/** One step of a rebuild: SQL and its parameters. */
type Step = [sql: string, parameters: string[]];

/**
 * The rebuild of a SQLite store's index as plain SQL steps: the index reads the store file directly
 * (ATTACH), the fastest way to copy millions of answers. Run here (rebuild) or in a worker thread
 * (buildSearchIndexFile), so that a 15 s rebuild never blocks the server.
 */
function rebuildSteps(storePath: string, version: string): Step[] {
  return [
    [CREATE_TABLES, []],
    // Read-only by use: only SELECTs run against src (URI filenames, for mode=ro, are off in this build).
    ['ATTACH DATABASE ? AS src', [storePath]],
    ['BEGIN', []],
    [`INSERT INTO documents SELECT text, 'question', set_name, question_id, NULL, NULL FROM src.questions`, []],
    [
      `WITH latest AS (${LATEST_JUDGMENTS})
        INSERT INTO documents
        SELECT r.final_text, 'answer', r.set_name, r.question_id, runs.model_id, latest.label
        FROM src.responses r JOIN src.runs runs ON runs.run_id = r.run_id
        LEFT JOIN latest ON latest.response_id = r.response_id AND latest.position = 1
        WHERE r.is_current = 1 AND r.final_text IS NOT NULL AND r.final_text <> ''`,
      [],
    ],
    [
      `WITH latest AS (${LATEST_JUDGMENTS})
        INSERT INTO documents
        SELECT latest.explanation, 'explanation', r.set_name, r.question_id, runs.model_id, latest.label
        FROM latest JOIN src.responses r ON r.response_id = latest.response_id JOIN src.runs runs ON runs.run_id = r.run_id
        WHERE latest.position = 1 AND r.is_current = 1 AND latest.explanation IS NOT NULL AND latest.explanation <> ''`,
      [],
    ],
    [`INSERT INTO words (rowid, body) SELECT rowid, body FROM documents`, []],
    ['INSERT INTO meta (version) VALUES (?)', [version]],
    ['COMMIT', []],
    ['DETACH DATABASE src', []],
  ];
}

function runStep(index: Database.Database, [text, parameters]: Step): void {
  if (parameters.length === 0) index.exec(text);
  else index.prepare(text).run(...parameters);
}

/** SQLite store, in this thread (an in-memory index: the static site builder). */
function rebuild(index: Database.Database, storePath: string, version: string): void {
  const steps = rebuildSteps(storePath, version);
  try {
    for (const step of steps) runStep(index, step);
  } catch (error) {
    if (index.inTransaction) index.exec('ROLLBACK');
    throw error;
  } finally {
    if ((index.prepare('PRAGMA database_list').all() as { name: string }[]).some((entry) => entry.name === 'src'))
      index.exec('DETACH DATABASE src');
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const index = new Database(workerData.path);
try {
  for (const [text, parameters] of workerData.steps) {
    if (parameters.length === 0) index.exec(text); else index.prepare(text).run(...parameters);
  }
  index.close();
  parentPort.postMessage({ ok: true });
} catch (error) {
  try { index.close(); } catch {}
  parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
}`;

/**
 * Builds the index of the SQLite store at `storePath` into the file `indexPath` in a worker thread
 * (written under a temporary name, then renamed: a reader never sees half an index).
 */
export async function buildSearchIndexFile(storePath: string, indexPath: string, version: string): Promise<void> {
  const wanted = `${INDEX_FORMAT}:${version}`;
  // One name per build, not per process: two explorers of one store in one process (tests, a server
  // restarted in place) may build at once, and must not delete or rename each other's half-built file.
  const partial = `${indexPath}.building-${process.pid}-${randomUUID()}`;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path: partial, steps: rebuildSteps(storePath, wanted) },
  });
  const result = await new Promise<{ ok: boolean; message?: string }>((resolveBuild, reject) => {
    worker.once('message', resolveBuild);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search index builder exited with code ${code}`)));
  }).finally(() => void worker.terminate());
  if (!result.ok) {
    rmSync(partial, { force: true });
    throw new Error(`building the search index failed: ${result.message}`);
  }
  renameSync(partial, indexPath);
}

/** Whether the index file at `indexPath` is built for this data version (and can be opened without a rebuild). */
export function searchIndexIsCurrent(indexPath: string, version: string): boolean {
  if (!existsSync(indexPath)) return false;
  const index = new Database(indexPath, { readonly: true, fileMustExist: true });
  try {
    return storedVersion(index) === `${INDEX_FORMAT}:${version}`;
  } catch {
    return false;
  } finally {
    index.close();
  }
}

/** Any store (Postgres): the documents are read through the store in pages. */
async function rebuildFromStore(
  index: Database.Database,
  store: Pick<CandorStore, 'listSearchDocuments'>,
  version: string,
): Promise<void> {
  createTables(index);
  const insert = index.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)');
  const insertPage = index.transaction((documents: readonly SearchDocument[]) => {
    for (const document of documents)
      insert.run(document.body, document.kind, document.setName, document.questionId, document.model, document.label);
  });
  let cursor: string | null = null;
  do {
    const page = await store.listSearchDocuments(cursor, SEARCH_PAGE);
    insertPage(page.documents);
    cursor = page.next;
  } while (cursor !== null);
  index.transaction(() => finishIndex(index, version))();
}

const SEARCH_PAGE = 5_000;

/** Short queries (a LIKE scan over every document) stop after this long and say the hits are truncated. */
const SCAN_BUDGET_MS = 400;
const SCAN_SLICE = 20_000;

function storedVersion(index: Database.Database): string | null {
  const table = index.prepare(`SELECT name FROM sqlite_master WHERE name = 'meta'`).get();
  if (!table) return null;
  const row = index.prepare('SELECT version FROM meta').get() as { version: string } | undefined;
  return row?.version ?? null;
}

/** Bumped when the index layout changes, so old side files are rebuilt. */
const INDEX_FORMAT = 'words+trigram-1';

/** Scripts written without spaces between words: searched as substrings (trigrams), never as words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A query as an FTS5 word phrase; with `prefix` its last word may be a prefix ("press freedo" finds "press freedom"). */
function wordPhrase(query: string, prefix: boolean): string {
  return `"${query.replaceAll('"', '""')}"${prefix ? ' *' : ''}`;
}

/**
 * Opens (or builds) the FTS5 index for the store at `storePath` in `indexPath` (":memory:" allowed).
 * Queries in spaced scripts go to a word index (fast on millions of answers); Chinese, Japanese and
 * Thai go to a trigram index that finds substrings (under three characters: a LIKE scan). The index
 * is rebuilt when `version` (the store's data version) changes.
 */
export function openSearchIndex(storePath: string, indexPath: string, version: string): SearchIndex {
  const index = new Database(indexPath);
  const wanted = `${INDEX_FORMAT}:${version}`;
  if (storedVersion(index) !== wanted) rebuild(index, storePath, wanted);
  return searchOver(index);
}

/** The same index, filled through the store's interface: for stores that are not a SQLite file (Postgres). */
export async function openSearchIndexFromStore(
  store: Pick<CandorStore, 'listSearchDocuments'>,
  indexPath: string,
  version: string,
): Promise<SearchIndex> {
  const index = new Database(indexPath);
  const wanted = `${INDEX_FORMAT}:${version}`;
  if (storedVersion(index) !== wanted) await rebuildFromStore(index, store, wanted);
  return searchOver(index);
}

function searchOver(index: Database.Database): SearchIndex {
  // No FTS5 snippet(): it scores every window around every match, so its cost grows with the
  // square of the matches in one document (one word repeated 200k times took 528 s). The snippet
  // is cut in JavaScript instead, in one linear pass (snippetAround).
  const byWords = index.prepare(`SELECT rowid, body, kind, set_name, question_id, model, label, NULL AS snip
    FROM words WHERE words MATCH ? LIMIT ?`);
  const phrase = index.prepare(`SELECT body, kind, set_name, question_id, model, label, NULL AS snip
    FROM documents WHERE documents MATCH ? LIMIT ?`);
  const scan = index.prepare(`SELECT body, kind, set_name, question_id, model, label, NULL AS snip
    FROM documents WHERE rowid > ? AND rowid <= ? AND body LIKE ? ESCAPE '\\' LIMIT ?`);
  const lastRow = index.prepare('SELECT max(rowid) AS last FROM documents');
  /** A LIKE scan reads every document: in slices, stopping (truncated) when the time budget is spent. */
  const scanInSlices = (pattern: string, limit: number): { records: DocumentRecord[]; outOfTime: boolean } => {
    const last = Number((lastRow.get() as { last: number | null }).last ?? 0);
    const deadline = Date.now() + SCAN_BUDGET_MS;
    const records: DocumentRecord[] = [];
    for (let from = 0; from < last && records.length <= limit; from += SCAN_SLICE) {
      if (Date.now() > deadline) return { records, outOfTime: true };
      records.push(...(scan.all(from, from + SCAN_SLICE, pattern, limit + 1 - records.length) as DocumentRecord[]));
    }
    return { records, outOfTime: false };
  };
  return {
    search(query, limit) {
      const trimmed = query.trim();
      if (trimmed === '') return { query, hits: [], truncated: false };
      let records: DocumentRecord[];
      let outOfTime = false;
      if (!UNSPACED_SCRIPT.test(trimmed) && /[\p{L}\p{N}]/u.test(trimmed)) {
        // Exact words first (fast even for words in every answer); prefixes only fill up what is missing.
        records = byWords.all(wordPhrase(trimmed, false), limit + 1) as DocumentRecord[];
        if (records.length <= limit) {
          const seen = new Set(records.map((record) => record.rowid));
          for (const record of byWords.all(wordPhrase(trimmed, true), limit + 1) as DocumentRecord[]) {
            if (records.length > limit) break;
            if (!seen.has(record.rowid)) records.push(record);
          }
        }
      } else if ([...trimmed].length >= 3)
        records = phrase.all(`"${trimmed.replaceAll('"', '""')}"`, limit + 1) as DocumentRecord[];
      else
        ({ records, outOfTime } = scanInSlices(
          `%${trimmed.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
          limit,
        ));
      const hits = records.slice(0, limit).map((record): SearchHit => ({
        kind: record.kind,
        set: record.set_name,
        questionId: record.question_id,
        model: record.model,
        label: record.label,
        // The index copies the store file's text as stored: undo the store's escapes (lossless-text.ts) before showing it.
        snippet: record.snip ?? snippetAround(restoreStoredText(record.body), trimmed),
      }));
      return { query, hits, truncated: records.length > limit || outOfTime };
    },
    close: () => index.close(),
  };
}
