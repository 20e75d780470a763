import { fixtureCreated, fixturePresence } from '@icc/core/testing';
import type { IccEvent } from '@icc/protocol';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { LOG_TAIL_APPLICATION_NAME, openPostgresLogTail, type LogTail } from './postgres-log-tail';
import { queryDatabase, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('PostgreSQL log tail: another gateway follows the shared log', () => {
  let url: string;
  let writer: PostgresEventStore;
  let reader: PostgresEventStore;
  let tail: LogTail | undefined;
  let seen: number[];
  let reads: number[];
  const follow = async (afterSeq: number, pollEveryMs = 60_000, deliveredElsewhere?: () => number) => {
    tail = await openPostgresLogTail({
      url,
      afterSeq,
      pollEveryMs,
      batchSize: 4,
      reconnectDelayMs: 50,
      ...(deliveredElsewhere ? { deliveredElsewhere } : {}),
      readAfter: (after, limit) => {
        reads.push(after);
        return reader.readAfter(after, limit);
      },
      onEvents: (events: IccEvent[]) => {
        seen.push(...events.map((event) => event.seq));
      },
    });
    return tail;
  };
  beforeEach(async () => {
    url = await databases.create();
    writer = await openPostgresEventStore({ url, poolSize: 2 });
    reader = await openPostgresEventStore({ url, poolSize: 2 });
    seen = [];
    reads = [];
  });
  afterEach(async () => {
    await tail?.close();
    tail = undefined;
    await Promise.all([writer.close(), reader.close()]);
  });

  it('delivers every event another store appends, once, in seq order, woken by NOTIFY (polling is a minute away)', async () => {
    await follow(0);
    for (let n = 1; n <= 10; n += 1) await writer.append([fixtureCreated(n), fixturePresence(`agent-${n}`, 'available', '2026-03-10T14:00:00Z')]);
    await until(() => seen.length >= 20);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(tail?.position()).toBe(20);
  });

  it('starts after the given seq, with what was committed before it opened', async () => {
    await writer.append([fixtureCreated(1), fixtureCreated(2), fixtureCreated(3)]);
    await follow(1);
    await until(() => seen.length >= 2);
    await writer.append([fixtureCreated(4)]);
    await until(() => seen.length >= 3);
    expect(seen).toEqual([2, 3, 4]);
  });

  it('connects again when its LISTEN connection is cut, and misses nothing committed meanwhile', async () => {
    await follow(0);
    await writer.append([fixtureCreated(1)]);
    await until(() => seen.length >= 1);
    const [cut] = await queryDatabase<{ count: number }>(
      url,
      'SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [LOG_TAIL_APPLICATION_NAME],
    );
    expect(cut?.count).toBe(1);
    await writer.append([fixtureCreated(2), fixtureCreated(3)]);
    await until(() => seen.length >= 3);
    const listening = await queryDatabase<{ count: number }>(url, 'SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
      LOG_TAIL_APPLICATION_NAME,
    ]);
    expect(listening[0]?.count).toBe(1);
    await writer.append([fixtureCreated(4)]);
    await until(() => seen.length >= 4);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('does not read back what this process delivered itself (its own appends), and reads from there on what it did not', async () => {
    let deliveredHere = 0;
    await follow(0, 60_000, () => deliveredHere);
    await until(() => reads.length >= 1);
    reads.length = 0;

    // Published here before their notifications arrive (in a gateway that order is a race; a read
    // that loses it is only redundant).
    deliveredHere = 3;
    for (let n = 1; n <= 3; n += 1) await writer.append([fixtureCreated(n)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toEqual([]);
    expect(seen).toEqual([]);

    await writer.append([fixtureCreated(4), fixtureCreated(5)]);
    await until(() => seen.length >= 2);
    expect(seen).toEqual([4, 5]);
    expect(reads[0]).toBe(3);
  });

  it('stops delivering once closed', async () => {
    await follow(0);
    await tail?.close();
    await writer.append([fixtureCreated(1)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([]);
  });
});
