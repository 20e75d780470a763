import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresEventStore, openPostgresLogTail } from '@icc/store-postgres';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { summarizeLatencies, type LatencySummary } from '../../report/percentile';
import { callbackAppends } from '../store/store-workload';

export interface LogTailInput {
  url: string;
  /** Appends (or bare notifications) sent one at a time, `intervalMs` apart. */
  samples: number;
  intervalMs: number;
  agents: number;
}

export interface LogTailMeasurement {
  /** From the writer's COMMIT acknowledged to the reader having the events (or the notification). */
  latency: LatencySummary;
  delivered: number;
  samples: number;
}

const SETTLE_MS = 5_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle(done: () => boolean): Promise<void> {
  const deadline = performance.now() + SETTLE_MS;
  while (!done() && performance.now() < deadline) await pause(5);
}

function latencies(sentAt: Map<number, number>, receivedAt: Map<number, number>): number[] {
  return [...sentAt].flatMap(([key, sent]) => (receivedAt.has(key) ? [(receivedAt.get(key) as number) - sent] : []));
}

/**
 * Ours: a writer store appends the store workload's appends one at a time; a second store (its own
 * pool, as on a follower) is read by `openPostgresLogTail`, woken by the append's NOTIFY. Latency:
 * the writer's append resolved (COMMIT acknowledged) → the tail handed the events over.
 */
export async function measureLogTail(input: LogTailInput): Promise<LogTailMeasurement> {
  const writer = await openPostgresEventStore({ url: input.url });
  const reader = await openPostgresEventStore({ url: input.url });
  await seedBenchConfiguration(writer, input.agents);
  const committedAt = new Map<number, number>();
  const deliveredAt = new Map<number, number>();
  const tail = await openPostgresLogTail({
    url: input.url,
    readAfter: (afterSeq, limit) => reader.readAfter(afterSeq, limit),
    afterSeq: await writer.headSeq(),
    onEvents: (events) => {
      const now = performance.now();
      for (const event of events) deliveredAt.set(event.seq, now);
    },
  });
  try {
    const appends = callbackAppends({ callbacks: Math.ceil(input.samples / 6), agents: input.agents }).flat().slice(0, input.samples);
    let last = 0;
    for (const events of appends) {
      const written = await writer.append(events);
      last = written[written.length - 1]?.seq ?? last;
      committedAt.set(last, performance.now());
      await pause(input.intervalMs);
    }
    await settle(() => tail.position() >= last);
    return { latency: summarizeLatencies(latencies(committedAt, deliveredAt)), delivered: [...committedAt.keys()].filter((seq) => deliveredAt.has(seq)).length, samples: appends.length };
  } finally {
    await tail.close();
    await reader.close();
    await writer.close();
  }
}

/**
 * Baseline: node-postgres alone, the same pacing: one connection runs `pg_notify` (autocommit),
 * another LISTENs. Latency: the notifying statement acknowledged → the notification received.
 */
export async function measureRawNotify(input: LogTailInput): Promise<LogTailMeasurement> {
  const listener = new pg.Client(input.url);
  const sender = new pg.Client(input.url);
  await Promise.all([listener.connect(), sender.connect()]);
  const sentAt = new Map<number, number>();
  const receivedAt = new Map<number, number>();
  listener.on('notification', (message) => receivedAt.set(Number(message.payload), performance.now()));
  try {
    await listener.query('LISTEN bench_events');
    for (let sample = 1; sample <= input.samples; sample++) {
      await sender.query('SELECT pg_notify($1, $2)', ['bench_events', String(sample)]);
      sentAt.set(sample, performance.now());
      await pause(input.intervalMs);
    }
    await settle(() => receivedAt.size >= input.samples);
    return { latency: summarizeLatencies(latencies(sentAt, receivedAt)), delivered: receivedAt.size, samples: input.samples };
  } finally {
    await Promise.all([listener.end(), sender.end()]);
  }
}
