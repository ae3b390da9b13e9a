import { existsSync } from 'node:fs';
import { NotFoundError } from '../core/index.js';
import { describeSqliteFailure, openStore, type CandorStore } from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { resolveDbLocation } from './resolve-db-location.js';

export interface WithStoreOptions {
  /** A read-only command: a SQLite file that does not exist is an error, never created empty. */
  mustExist?: boolean;
}

/** Opens the store named by --db / CANDOR_DB, runs the work, always closes it. */
export async function withStore<T>(
  dbOption: string | undefined,
  io: CliIo,
  work: (store: CandorStore) => Promise<T>,
  options: WithStoreOptions = {},
): Promise<T> {
  const location = resolveDbLocation(dbOption, io);
  if (options.mustExist && !/^postgres(ql)?:\/\//.test(location) && location !== ':memory:' && !existsSync(location)) {
    throw new NotFoundError(
      `store ${location}`,
      'pass --db <path> (or set CANDOR_DB) to an existing store, or create one with `candor import speechmap <folder>` or `candor run`',
    );
  }
  const store = await openStore(location);
  try {
    return await work(store);
  } catch (error) {
    // A corrupted, read-only or full store met while reading: one line naming it, not a stack.
    throw describeSqliteFailure(error, store.location) ?? error;
  } finally {
    await store.close();
  }
}

/** withStore for commands that only read: the store must already exist. */
export function withExistingStore<T>(
  dbOption: string | undefined,
  io: CliIo,
  work: (store: CandorStore) => Promise<T>,
): Promise<T> {
  return withStore(dbOption, io, work, { mustExist: true });
}
