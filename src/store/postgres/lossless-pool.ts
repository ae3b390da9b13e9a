import { escapeValue, restoreValue } from '../lossless-text.js';

interface QueryResultLike {
  rows?: unknown[];
}

interface PoolClientLike {
  query(...args: unknown[]): Promise<unknown>;
  release(): void;
}

interface PoolLike {
  connect(): Promise<PoolClientLike>;
  end(): Promise<void>;
}

/** Wraps a pg pool so that each text query escapes its parameters and restores the strings of its rows. */
export function losslessPool<Pool extends PoolLike>(pool: Pool): Pool {
  const connect = async () => {
    const client = await pool.connect();
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: unknown[]) => {
          // Streams (a Cursor object) pass as they are; Candor streams only on SQLite.
          if (typeof args[0] !== 'string') return target.query(...args);
          const parameters = Array.isArray(args[1]) ? args[1].map(escapeValue) : args[1];
          const result = (await target.query(args[0], parameters, ...args.slice(2))) as QueryResultLike;
          if (Array.isArray(result?.rows)) {
            for (const row of result.rows) {
              if (row === null || typeof row !== 'object') continue;
              const record = row as Record<string, unknown>;
              for (const key of Object.keys(record)) record[key] = restoreValue(record[key]);
            }
          }
          return result;
        };
      },
    });
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return connect;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
