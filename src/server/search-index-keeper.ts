import { createHash } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CandorStore } from '../store/index.js';
import type { SearchResponse } from './api-types/questions.js';
import {
  buildSearchIndexFile,
  openSearchIndex,
  openSearchIndexFromStore,
  searchIndexIsCurrent,
  type SearchIndex,
} from './search-index.js';

/** How far the search index is behind the store: what the explorer can tell a person searching. */
export type SearchIndexState = 'ready' | 'updating' | 'building';

export interface SearchIndexKeeperOptions {
  store: Pick<CandorStore, 'dialect' | 'listSearchDocuments'>;
  /** The SQLite store file (the builder reads it directly). */
  location: string;
  /** The index file, or ":memory:" (then it is built in this thread: the static site builder). */
  indexPath: string;
  /** A search waits at most this long for a first index (the build goes on in the background). */
  waitMs?: number;
  /** Rebuilds start at most this often while the store keeps changing (a run writing). */
  minRebuildIntervalMs?: number;
}

export interface SearchIndexKeeper {
  /** Starts building the index for `version` in the background, if it is not built or building. */
  refresh(version: string): void;
  search(text: string, limit: number, version: string): Promise<SearchResponse & { index: SearchIndexState }>;
  /** Whether a first index exists yet, for the explorer's "building the index" message. */
  status(): { state: 'idle' | 'building' | 'ready'; startedAt: number | null };
  close(): void;
}

/**
 * Keeps the explorer's search index off the request path: it is built in a worker thread (SQLite)
 * at start-up and again when the data changes, at most every `minRebuildIntervalMs`; meanwhile
 * searches use the previous index ("updating") or, before the first one, wait a moment and then
 * answer with no hits ("building"). No request ever waits for a whole rebuild.
 */
export function createSearchIndexKeeper(options: SearchIndexKeeperOptions): SearchIndexKeeper {
  const waitMs = options.waitMs ?? 2_000;
  const minInterval = options.minRebuildIntervalMs ?? 30_000;
  let current: { index: SearchIndex; version: string } | null = null;
  let building: Promise<void> | null = null;
  let buildingVersion = '';
  let lastStart = 0;
  let pendingTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let wanted = '';

  const open = async (version: string): Promise<SearchIndex> => {
    if (options.store.dialect !== 'sqlite') return openSearchIndexFromStore(options.store, options.indexPath, version);
    if (options.indexPath === ':memory:') return openSearchIndex(options.location, ':memory:', version);
    if (!searchIndexIsCurrent(options.indexPath, version))
      await buildSearchIndexFile(options.location, options.indexPath, version);
    return openSearchIndex(options.location, options.indexPath, version);
  };

  const start = (version: string) => {
    lastStart = Date.now();
    buildingVersion = version;
    building = (async () => {
      try {
        const index = await open(version);
        if (closed) return index.close();
        current?.index.close();
        current = { index, version };
      } catch (error) {
        process.emitWarning(`candor: the search index could not be built (${(error as Error).message})`);
      } finally {
        building = null;
      }
    })();
  };

  const refresh = (version: string) => {
    wanted = version;
    if (closed || current?.version === version || (building && buildingVersion === version)) return;
    if (building) return; // the next search after this build will ask again
    const wait = current ? lastStart + minInterval - Date.now() : 0;
    if (wait <= 0) return start(version);
    if (pendingTimer) return;
    pendingTimer = setTimeout(() => {
      pendingTimer = null;
      refresh(wanted);
    }, wait);
    pendingTimer.unref();
  };

  return {
    refresh,
    async search(text, limit, version) {
      refresh(version);
      if (!current && building) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([building, new Promise((resolveWait) => (timer = setTimeout(resolveWait, waitMs)))]);
        clearTimeout(timer);
      }
      if (!current) return { query: text, hits: [], truncated: false, index: 'building' };
      return { ...current.index.search(text, limit), index: current.version === version ? 'ready' : 'updating' };
    },
    status() {
      if (current) return { state: 'ready', startedAt: null };
      return building ? { state: 'building', startedAt: lastStart } : { state: 'idle', startedAt: null };
    },
    close() {
      closed = true;
      if (pendingTimer) clearTimeout(pendingTimer);
      current?.index.close();
      current = null;
    },
  };
}

/** The index file, or one in the temp folder when its folder is read-only (":memory:" stays). */
export function writableIndexPath(path: string): string {
  if (path === ':memory:') return path;
  try {
    accessSync(dirname(path), constants.W_OK);
    return path;
  } catch {
    return join(tmpdir(), `candor-search-${createHash('sha256').update(path).digest('hex').slice(0, 16)}.db`);
  }
}
