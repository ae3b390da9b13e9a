import { describeSqliteFailure, openStore, type CandorStore } from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { resolveDbLocation } from './resolve-db-location.js';

/** Opens the store named by --db / CANDOR_DB, runs the work, always closes it. */
export async function withStore<T>(dbOption: string | undefined, io: CliIo, work: (store: CandorStore) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(dbOption, io));
  try {
    return await work(store);
  } catch (error) {
    // A corrupted, read-only or full store met while reading: one line naming it, not a stack.
    throw describeSqliteFailure(error, store.location) ?? error;
  } finally {
    await store.close();
  }
}
