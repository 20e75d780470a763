import { measureFencedAppends } from '../scenarios/cluster/measure-fenced-appends';
import { measureLogTail, measureRawNotify } from '../scenarios/cluster/measure-log-tail';
import { generateRecoveryLog } from '../scenarios/recovery/generate-recovery-log';
import { measureEngineRouting } from '../scenarios/routing/measure-engine-routing';
import { measureNaiveRouting } from '../scenarios/routing/measure-naive-routing';
import { measureSortedArray } from '../scenarios/scheduler/measure-sorted-array';
import { measureTimerQueue } from '../scenarios/scheduler/measure-timer-queue';
import { measureRawSqlite } from '../scenarios/store/measure-raw-sqlite';
import { measureSqliteStore } from '../scenarios/store/measure-sqlite-store';
import { measurePostgresStore } from '../scenarios/store-postgres/measure-postgres-store';
import { measureRawPostgres } from '../scenarios/store-postgres/measure-raw-postgres';

/** Measurements that run in a fresh process of their own, by name (see `runTaskInChild`). */
export const BENCH_TASKS = {
  generateRecoveryLog,
  measureEngineRouting,
  measureNaiveRouting,
  measureSortedArray,
  measureTimerQueue,
  measureRawSqlite,
  measureSqliteStore,
  measurePostgresStore,
  measureRawPostgres,
  measureFencedAppends,
  measureLogTail,
  measureRawNotify,
};

export type BenchTaskName = keyof typeof BENCH_TASKS;
export type BenchTaskInput<Name extends BenchTaskName> = Parameters<(typeof BENCH_TASKS)[Name]>[0];
export type BenchTaskResult<Name extends BenchTaskName> = Awaited<ReturnType<(typeof BENCH_TASKS)[Name]>>;
