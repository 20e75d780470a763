import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asAsyncEventStore } from '@icc/core';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { demoCallbackRequest } from '../../composition/demo-traffic';
import type { GatewayProcess } from '../gateway-process';
import { readDurableStateOfLiveGateway } from './durable-state';
import { bundleGateway, killChild, startChildGateway } from './gateway-child';
import { slopePerSecond } from './linear-trend';
import { startLoadAgent, type LoadAgent } from './load-agent';
import { startLoadTraffic } from './load-traffic';
import { agentFleet, seedQueuesAndAgents } from './reliability-fixtures';
import { createSeededRandom, reliabilitySeed } from './seeded-random';
import { expectedStreamSeqs, streamProblems } from './stream-expectations';
import { soakOr } from './soak';

const SEED = reliabilitySeed('load-with-faults');
const SECONDS = soakOr(15, 60);
const REQUESTS_PER_SECOND = 200;
const AGENTS = agentFleet(50);
const DROP_EVERY_MS = 250;
/**
 * The live heap (after a full collection) may grow by this much per second over the second half
 * of the run. What does grow legitimately is bounded by the callbacks taken in (about 10 a second
 * here): the mock vendor keeps every callback it ever handled in memory, like the vendor's own
 * database would, and the store caches up to 10,000 parsed views, a few KB each — together tens of
 * KB a second. A leak of the request or frame path, by contrast, grows with the 200 requests and the
 * several hundred frames a second: keeping even 2 KB per request (less than one request object with
 * its headers) is 400 KB/s. The bound sits between the two.
 */
const HEAP_GROWTH_BOUND_BYTES_PER_SECOND = 250 * 1024;

jest.setTimeout((SECONDS + 120) * 1000);

async function json<T>(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const until = async (condition: () => boolean, withinMs: number, what: string) => {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe(`load with faults: ${SECONDS} s at ${REQUESTS_PER_SECOND} requests/s, ${AGENTS.length} agents dropping and resuming`, () => {
  let workDir: string;
  let gateway: GatewayProcess | undefined;
  const agents: LoadAgent[] = [];
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'icc-load-'));
  });
  afterAll(async () => {
    for (const agent of agents) agent.close();
    if (gateway) await killChild(gateway);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('loses and doubles no event on any agent stream, answers no 5xx, and keeps its heap flat', async () => {
    const random = createSeededRandom(SEED);
    const bundle = await bundleGateway(workDir);
    const dataDir = join(workDir, 'data');
    mkdirSync(dataDir);
    const seeding = createSqliteEventStore({ dataDir });
    await seedQueuesAndAgents(seeding, AGENTS);
    await seeding.close();
    gateway = await startChildGateway({ bundle, nodeFlags: ['--expose-gc'], env: { ICC_DATA_DIR: dataDir, ICC_INTAKE_RATE_PER_SECOND: '100000' } });
    const { url } = gateway;

    // Demo customers' numbers get a mix of telephony faults.
    const numbers = new Set<string>();
    for (let draw = 0; draw < 500; draw++) for (const number of demoCallbackRequest(0, () => random.next()).customer.phoneNumbers) numbers.add(number);
    for (const phoneNumber of numbers) {
      const roll = random.next();
      const behaviour =
        roll < 0.6 ? { kind: 'answer', afterSeconds: 2 } : roll < 0.75 ? { kind: 'busy', afterSeconds: 1 } : roll < 0.9 ? { kind: 'no-answer', afterSeconds: 4 } : { kind: 'fail', afterSeconds: 1 };
      await json(url, `/v1/dev/telephony/numbers/${encodeURIComponent(phoneNumber)}`, { method: 'PUT', body: { behaviour } });
    }

    const tokens = new Map<string, string>();
    for (const agentId of [...AGENTS.map((agent) => agent.id), 'supervisor-sam']) {
      tokens.set(agentId, (await json<{ token: string }>(url, '/v1/auth/dev-token', { method: 'POST', body: { agentId } })).token);
    }
    for (const agent of AGENTS) await json(url, `/v1/agents/${agent.id}/presence`, { method: 'PUT', token: tokens.get(agent.id), body: { presence: 'available' } });
    for (const agentId of tokens.keys()) {
      agents.push(startLoadAgent({ url, agentId, token: tokens.get(agentId) as string, works: agentId !== 'supervisor-sam' }));
    }
    await until(() => agents.every((agent) => agent.record.snapshotSeq !== undefined), 30_000, 'every stream to get its snapshot');

    const heap: Array<{ seconds: number; value: number }> = [];
    const traffic = startLoadTraffic({
      url,
      random,
      requestsPerSecond: REQUESTS_PER_SECOND,
      agentTokens: AGENTS.map((agent) => tokens.get(agent.id) as string),
      supervisorToken: tokens.get('supervisor-sam') as string,
      now: () => Date.now(),
    });
    let drops = 0;
    const dropper = setInterval(() => {
      if (random.pick(agents).drop()) drops += 1;
    }, DROP_EVERY_MS);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const memory = await json<{ heapUsed: number; collected: boolean }>(url, '/v1/dev/memory');
        expect(memory.collected).toBe(true);
        heap.push({ seconds: traffic.elapsedSeconds(), value: memory.heapUsed });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    clearInterval(dropper);
    await traffic.stop();
    sampling = false;
    await sampler;
    for (const agent of agents) agent.stopWorking();

    // Every stream reconnected and caught up with the log as it stands now.
    await until(() => agents.every((agent) => agent.isOpen()), 15_000, 'every stream to be open again');
    const head = readDurableStateOfLiveGateway(dataDir).events.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const records = new Map(agents.map((agent) => [agent.agentId, { ...agent.record, eventSeqs: agent.record.eventSeqs.filter((seq) => seq <= head) }]));
    for (const agent of agents) agent.close();
    agents.length = 0;
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    gateway = undefined;

    // The same filter the gateway applies, replayed over the stored log.
    const store = createSqliteEventStore({ dataDir });
    let problems: string[];
    let eventsChecked = 0;
    try {
      const expected = await expectedStreamSeqs(asAsyncEventStore(store), records, head);
      for (const wanted of expected.values()) eventsChecked += wanted.length;
      problems = streamProblems(records, expected);
    } finally {
      await store.close();
    }

    const secondHalf = heap.filter((sample) => sample.seconds >= SECONDS / 2);
    const growth = slopePerSecond(secondHalf);
    const connections = [...records.values()].reduce((sum, record) => sum + record.connections, 0);
    process.stdout.write(
      `[load-with-faults] seed ${SEED}: ${traffic.tally.sent} requests in ${SECONDS} s (${JSON.stringify(traffic.tally.byStatus)}, shed ${traffic.tally.shed}), ` +
        `${drops} stream drops, ${connections} connections, ${eventsChecked} stream events checked against the log (head ${head}), ` +
        `heap ${(Math.min(...secondHalf.map((s) => s.value)) / 1e6).toFixed(1)}-${(Math.max(...secondHalf.map((s) => s.value)) / 1e6).toFixed(1)} MB, ` +
        `trend ${(growth / 1024).toFixed(1)} KB/s over the second half (bound ${HEAP_GROWTH_BOUND_BYTES_PER_SECOND / 1024} KB/s)\n`,
    );
    expect(problems).toEqual([]);
    expect(traffic.tally.serverErrors).toEqual([]);
    expect(traffic.tally.networkErrors).toBe(0);
    // The schedule was kept (requests the gateway could not take in time are counted as shed, and reported).
    expect(traffic.tally.sent + traffic.tally.shed).toBeGreaterThan(REQUESTS_PER_SECOND * SECONDS * 0.95);
    expect(drops).toBeGreaterThanOrEqual(SECONDS);
    expect(eventsChecked).toBeGreaterThan(0);
    expect(secondHalf.length).toBeGreaterThanOrEqual(5);
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND_BYTES_PER_SECOND);
  });
});
