export * from './sqlite-event-store';
export { DEFAULT_DATA_DIR, DEFAULT_FILE_NAME } from './open-sqlite-database';
export { runSchemaMigrations } from './migrations/run-schema-migrations';
export { SCHEMA_MIGRATIONS } from './migrations/schema-migrations';
export type { SchemaMigration } from './migrations/schema-migration';
