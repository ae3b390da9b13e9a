import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import { databaseNowMs, type SqlDialect } from './sql-dialect.js';
import type { RateSlotResult, SharedRateLimit } from './work-queue-types.js';
import { withWriteTransaction } from './write-transaction.js';

type QueueDatabase = Kysely<DatabaseSchema>;

/** Creates or replaces the shared limit for a provider key. */
export async function putRateLimit(db: QueueDatabase, limit: SharedRateLimit): Promise<void> {
  const values = {
    requests_per_window: limit.requestsPerWindow,
    tokens_per_window: limit.tokensPerWindow,
    window_ms: limit.windowMs,
    safety_margin_ms: limit.safetyMarginMs,
  };
  await db
    .insertInto('rate_limits')
    .values({ limit_key: limit.key, ...values })
    .onConflict((conflict) => conflict.column('limit_key').doUpdateSet(values))
    .execute();
}

/** The shared limit for a provider key, or null when it has none. */
export async function getRateLimit(db: QueueDatabase, key: string): Promise<SharedRateLimit | null> {
  const row = await db.selectFrom('rate_limits').selectAll().where('limit_key', '=', key).executeTakeFirst();
  if (!row) return null;
  return {
    key: row.limit_key,
    requestsPerWindow: row.requests_per_window === null ? null : Number(row.requests_per_window),
    tokensPerWindow: row.tokens_per_window === null ? null : Number(row.tokens_per_window),
    windowMs: Number(row.window_ms),
    safetyMarginMs: Number(row.safety_margin_ms),
  };
}

/**
 * Takes one request slot of `tokens` under the key's rolling window if the grants of every worker
 * in the last window leave room; otherwise says when to ask again. The key's row is locked for
 * the decision (FOR UPDATE on Postgres, the write lock on SQLite), so two workers never both take
 * the last slot. A key without a limit always grants.
 */
export async function takeRateSlot(
  db: QueueDatabase,
  dialect: SqlDialect,
  key: string,
  tokens: number,
): Promise<RateSlotResult> {
  return withWriteTransaction(db, dialect, async (transaction) => {
    let query = transaction.selectFrom('rate_limits').selectAll().where('limit_key', '=', key);
    if (dialect === 'postgres') query = query.forUpdate();
    const limit = await query.executeTakeFirst();
    if (!limit) return { granted: true };
    const now = await databaseNowMs(transaction, dialect);
    const window = Number(limit.window_ms) + Number(limit.safety_margin_ms);
    await transaction
      .deleteFrom('rate_limit_grants')
      .where('limit_key', '=', key)
      .where('granted_ms', '<=', now - window)
      .execute();
    const usage = await transaction
      .selectFrom('rate_limit_grants')
      .select((builder) => [
        builder.fn.countAll().as('requests'),
        builder.fn.sum('tokens').as('tokens'),
        builder.fn.min('granted_ms').as('oldest'),
      ])
      .where('limit_key', '=', key)
      .executeTakeFirstOrThrow();
    const requests = Number(usage.requests);
    const used = Number(usage.tokens ?? 0);
    const maxRequests = limit.requests_per_window === null ? null : Number(limit.requests_per_window);
    const maxTokens = limit.tokens_per_window === null ? null : Number(limit.tokens_per_window);
    // A single request larger than the whole token budget may go alone, or it would wait forever.
    const fits =
      (maxRequests === null || requests + 1 <= maxRequests) &&
      (maxTokens === null || requests === 0 || used + tokens <= maxTokens);
    if (fits) {
      await transaction.insertInto('rate_limit_grants').values({ limit_key: key, granted_ms: now, tokens }).execute();
      return { granted: true };
    }
    return { granted: false, retryInMs: Math.max(1, Number(usage.oldest) + window - now + 1) };
  });
}
