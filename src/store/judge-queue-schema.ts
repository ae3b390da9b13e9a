import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import type { QueueDatabase } from './queue-database.js';
import type { WorkQueueSchema } from './work-queue-schema.js';

/** Typed view of the judge side of the work queue (migration 4). */
export type JudgeQueueSchema = {
  judge_work_items: JudgeWorkItemTable;
};

export interface JudgeWorkItemTable {
  item_id: number;
  response_id: number;
  judge_spec: string;
  /** JSON of JudgeSpecOptions. */
  judge_options: string;
  judge_id: string;
  judge_version: string;
}

/** The store's tables, the work queue and the judge items. */
export type JudgeQueueDatabase = Kysely<DatabaseSchema & WorkQueueSchema & JudgeQueueSchema>;

/** Widens a queue connection to the judge-item table. */
export function judgeQueueDatabase(db: QueueDatabase): JudgeQueueDatabase {
  return db.withTables<JudgeQueueSchema>();
}
