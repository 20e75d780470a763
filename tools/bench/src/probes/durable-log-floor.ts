/**
 * A probe, not a scenario: the floor that "durable before the frame goes out" puts under fan-out's
 * latency on this disk. Events arrive at a fixed rate; each tick's events go into one transaction of
 * bare log rows (no read models, no gateway), and an event counts as durable once an `fdatasync` of
 * the log that started after its commit has returned: the store's group commit without the store.
 * The bodies are the store scenario's events, serialized. Checkpoints are left out (the log only
 * grows for the probe's few seconds), so the floor holds the disk's share and nothing else.
 *
 *   node --import tsx tools/bench/src/probes/durable-log-floor.ts [events/s] [seconds]
 *
 * Defaults: 6,000 events/s (about fan-out's paced rate) for 10 s.
 */
import { closeSync, fdatasync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { formatNumber } from '../report/format-number';
import { callbackAppends } from '../scenarios/store/store-workload';
import { describeLatencies } from './describe-latencies';

const TICK_MS = 1;

async function probe(eventsPerSecond: number, seconds: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icc-probe-floor-'));
  const filePath = join(dataDir, 'floor.db');
  const database = new BetterSqlite3(filePath);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = OFF');
  database.pragma('wal_autocheckpoint = 0');
  database.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, interaction_id TEXT, body TEXT NOT NULL)');
  const insert = database.prepare<[number, string, string | null, string]>('INSERT INTO events VALUES (?, ?, ?, ?)');
  const log = openSync(`${filePath}-wal`, 'r');
  const bodies = callbackAppends({ callbacks: 1_000, agents: 100 })
    .flat(2)
    .map((event) => ({ type: event.type, interactionId: 'interactionId' in event ? event.interactionId : null, body: JSON.stringify(event) }));
  try {
    let seq = 0;
    let arrived: number[] = [];
    let committed: number[] = [];
    let syncing = false;
    const durableAfter: number[] = [];
    const syncMs: number[] = [];
    const commitTick = () => {
      const group = arrived;
      arrived = [];
      if (group.length === 0) return;
      database.transaction(() => {
        for (let index = 0; index < group.length; index++) {
          const event = bodies[seq % bodies.length] as (typeof bodies)[number];
          seq += 1;
          insert.run(seq, event.type, event.interactionId, event.body);
        }
      })();
      committed.push(...group);
      if (!syncing) void syncLoop();
    };
    const syncLoop = async () => {
      syncing = true;
      while (committed.length > 0) {
        const covered = committed;
        committed = [];
        const started = performance.now();
        await new Promise<void>((resolve, reject) => fdatasync(log, (error) => (error ? reject(error) : resolve())));
        const now = performance.now();
        syncMs.push(now - started);
        for (const arrivedAt of covered) durableAfter.push(now - arrivedAt);
      }
      syncing = false;
    };
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * eventsPerSecond);
      const now = performance.now();
      for (; sent < due; sent++) arrived.push(now);
      setImmediate(commitTick);
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    commitTick();
    while (syncing) await new Promise((resolve) => setTimeout(resolve, 5));
    console.log(`${formatNumber(sent)} events in ${seconds} s (${formatNumber(eventsPerSecond)}/s asked), ${formatNumber(syncMs.length)} syncs`);
    console.log(`arrival → durable ${describeLatencies(durableAfter)}`);
    console.log(`fdatasync ${describeLatencies(syncMs)}`);
    console.log(`log written ${formatNumber(statSync(`${filePath}-wal`).size / 1e6)} MB`);
  } finally {
    closeSync(log);
    database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const [rate = '6000', seconds = '10'] = process.argv.slice(2);
void probe(Number(rate), Number(seconds));
