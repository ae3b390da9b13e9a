export type * from './candor-store.js';
export * from './label-count-query.js';
export { DEFAULT_DB_PATH, migrateStore, openStore } from './open-store.js';
export { LATEST_SCHEMA_VERSION } from './migrations.js';
