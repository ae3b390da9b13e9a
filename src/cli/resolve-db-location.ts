import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_DB_PATH } from '../store/index.js';
import type { CliIo } from './cli-io.js';

/** --db wins, then CANDOR_DB, then ./candor.db. File paths are resolved against the working folder. */
export function resolveDbLocation(option: string | undefined, io: CliIo): string {
  const location = option ?? io.env['CANDOR_DB'] ?? DEFAULT_DB_PATH;
  if (/^postgres(ql)?:\/\//.test(location) || location === ':memory:' || isAbsolute(location)) return location;
  return resolve(io.cwd, location);
}
