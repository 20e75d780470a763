import { migration0001Initial } from './0001-initial';
import type { SchemaMigration } from './schema-migration';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [migration0001Initial];
