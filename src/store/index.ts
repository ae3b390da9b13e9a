export type * from './candor-store.js';
export type * from './work-queue-types.js';
export * from './label-count-query.js';
export { DEFAULT_DB_PATH, displayLocation, isPostgresUrl, migrateStore, openStore } from './open-store.js';
export { LATEST_SCHEMA_VERSION } from './migrations.js';
export type { QuestionAnswerRecord, SearchDocument } from './explorer-reads.js';
export { describeSqliteFailure } from './write-transaction.js';
export { restoreStoredText } from './lossless-text.js';
