import { projectionRebuildProblems, readDurableStateOfDeadGateway, readDurableStateOfLiveGateway, type DurableState } from './durable-state';
import { readDurableStateFromPostgres, readDurableStateOfDeadPostgresGateway } from './durable-state-postgres';

/** The store a crash-matrix gateway runs on, and how the test reads what it made durable. */
export interface CrashStore {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** The gateway child's environment naming the store (its data dir holds SQLite's file, or nothing). */
  readonly env: Record<string, string>;
  /** What a killed gateway left, before the next start recovers anything. */
  dead(): Promise<DurableState>;
  /** What a running gateway has committed. */
  live(): Promise<DurableState>;
  /** Read models rebuilt from the log must equal the ones kept incrementally (where the store can rebuild). */
  rebuildProblems(): Promise<string[]>;
}

export function sqliteCrashStore(dataDir: string): CrashStore {
  return {
    name: 'SQLite',
    env: { ICC_DATA_DIR: dataDir },
    dead: async () => readDurableStateOfDeadGateway(dataDir),
    live: async () => readDurableStateOfLiveGateway(dataDir),
    rebuildProblems: () => projectionRebuildProblems(dataDir),
  };
}

/** The PostgreSQL store has no rebuild; `logProblems` still checks every interaction against a fold of its log. */
export function postgresCrashStore(url: string, dataDir: string): CrashStore {
  return {
    name: 'PostgreSQL',
    env: { ICC_STORE: url, ICC_DATA_DIR: dataDir },
    dead: () => readDurableStateOfDeadPostgresGateway(url),
    live: () => readDurableStateFromPostgres(url),
    rebuildProblems: async () => [],
  };
}
