import pg from 'pg';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL store: exclusive work across gateways', () => {
  let url: string;
  let gatewayA: PostgresEventStore;
  let gatewayB: PostgresEventStore;
  beforeEach(async () => {
    url = await databases.create();
    gatewayA = await openPostgresEventStore({ url, poolSize: 3 });
    gatewayB = await openPostgresEventStore({ url, poolSize: 3 });
  });
  afterEach(async () => {
    await Promise.all([gatewayA.close(), gatewayB.close()]);
  });

  it('runs work of one name on one gateway at a time, in turn', async () => {
    const trace: string[] = [];
    const work = (who: string) => async () => {
      trace.push(`${who} in`);
      await wait(60);
      trace.push(`${who} out`);
      return who;
    };
    const results = await Promise.all([gatewayA.exclusive('queue:af', work('a')), gatewayB.exclusive('queue:af', work('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(trace).toHaveLength(4);
    expect(trace[1]).toBe(`${trace[0]?.split(' ')[0]} out`);
  });

  it('lets work of other names run at the same time', async () => {
    let inside = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inside);
      await wait(60);
      inside -= 1;
    };
    await Promise.all([gatewayA.exclusive('queue:af', work), gatewayB.exclusive('queue:cf', work)]);
    expect(most).toBe(2);
  });

  it('releases the name when the work fails', async () => {
    await expect(gatewayA.exclusive('queue:af', () => Promise.reject(new Error('seat taken')))).rejects.toThrow('seat taken');
    await expect(gatewayB.exclusive('queue:af', async () => 'next')).resolves.toBe('next');
  });

  it('frees the name of a gateway whose connection died while holding it', async () => {
    let holding: () => void = () => undefined;
    const held = gatewayA.exclusive('queue:af', () => new Promise<void>((resolve) => (holding = resolve)));
    await wait(50);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
    await admin.end();
    await expect(gatewayB.exclusive('queue:af', async () => 'taken over')).resolves.toBe('taken over');
    holding();
    await held;
  });
});
