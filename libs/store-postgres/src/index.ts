export { openPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { APPEND_LOCK_KEY } from './postgres-appends';
export { parsePostgresUrl, type PostgresTarget } from './postgres-url';
export { assertSupportedServerVersion, MINIMUM_SERVER_VERSION_NUM } from './server-version';
export { POSTGRES_MIGRATIONS } from './migrations/run-postgres-migrations';
export { openPostgresLogTail, EVENTS_CHANNEL, LOG_TAIL_APPLICATION_NAME, type LogTail, type LogTailOptions } from './postgres-log-tail';
export type { Exclusive } from './postgres-exclusive';
