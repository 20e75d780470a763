import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSqliteEventStore } from '@icc/store-sqlite';
import type { NewIccEvent } from '@icc/protocol';
import { benchAgentId, seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { benchInteractionIds, createdEvent, handledCallbackBatches } from '../../fixtures/interaction-lifecycle';

export interface RecoveryLogInput {
  dataDir: string;
  /** Events in the log, about (handled callbacks have seven each). */
  events: number;
  /** Callbacks still waiting in the queue: what the gateway must restore. */
  openInteractions: number;
  /** Events per append: big batches, one transaction each. */
  batchEvents: number;
  agents: number;
}

export interface RecoveryLog {
  filePath: string;
  events: number;
  openInteractions: number;
  fileMb: number;
  generateSeconds: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** A month of handled callbacks, then today's waiting ones, written through the store in big appends. */
export async function generateRecoveryLog(input: RecoveryLogInput): Promise<RecoveryLog> {
  const started = performance.now();
  const store = createSqliteEventStore({ dataDir: input.dataDir });
  await seedBenchConfiguration(store, input.agents);
  const handled = Math.max(0, Math.floor((input.events - input.openInteractions) / 7));
  const firstAt = Date.now() - 30 * DAY_MS;
  const spacing = (29 * DAY_MS) / Math.max(1, handled);
  let batch: NewIccEvent[] = [];
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await store.append(batch);
    events += batch.length;
    batch = [];
  };
  for (let index = 0; index < handled; index++) {
    for (const appended of handledCallbackBatches(benchInteractionIds(index, 'rec'), benchAgentId(index % input.agents), firstAt + index * spacing)) batch.push(...appended);
    if (batch.length >= input.batchEvents) await flush();
  }
  const openAt = Date.now() - DAY_MS / 2;
  for (let index = 0; index < input.openInteractions; index++) {
    batch.push(createdEvent(benchInteractionIds(handled + index, 'rec'), openAt + index * 1000));
    if (batch.length >= input.batchEvents) await flush();
  }
  await flush();
  const filePath = store.filePath;
  await store.close();
  return {
    filePath,
    events,
    openInteractions: input.openInteractions,
    fileMb: statSync(filePath).size / 1024 ** 2,
    generateSeconds: (performance.now() - started) / 1000,
  };
}
