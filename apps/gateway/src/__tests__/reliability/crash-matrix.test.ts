import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent, Interaction } from '@icc/protocol';
import type { GatewayProcess } from '../gateway-process';
import { DEMO_QUEUES } from '../../composition/demo-configuration';
import { CRASH_AGENTS, CRASH_PHASES, CRASH_TELEPHONY, createCrashWorkload, type CrashWorkload, type KillPoint } from './crash-workload';
import { acknowledgementProblems, logProblems } from './durable-invariants';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@icc/store-postgres/testing';
import { postgresCrashStore, sqliteCrashStore, type CrashStore } from './crash-store';
import { readSetUpOfDeadGateway, type DurableState } from './durable-state';
import { bundleGateway, killChild, killDuringFirstOpen, startChildGateway } from './gateway-child';
import { isFiredBy, pendingDeadlines, type Deadline } from './interaction-deadlines';
import { restartProblems } from './restart-invariants';
import { createSeededRandom, reliabilitySeed, type SeededRandom } from './seeded-random';
import { soakOr } from './soak';

const SEED = reliabilitySeed('crash-matrix');
const KILL_POINTS = soakOr(20, 100);
/** Fewer on PostgreSQL: its restarts cost a pool and a server round trip per read, and SQLite's run already covers every phase more often. */
const POSTGRES_KILL_POINTS = soakOr(10, 50);
const START = Date.parse('2026-03-10T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

jest.setTimeout(soakOr(300_000, 3_600_000));

/** Every phase equally often, in a seeded order, each with its own delay and intake count. */
function killSchedule(random: SeededRandom, size: number): KillPoint[] {
  const phases = Array.from({ length: size }, (_, index) => CRASH_PHASES[index % CRASH_PHASES.length] as KillPoint['phase']);
  for (let index = phases.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [phases[index], phases[other]] = [phases[other] as KillPoint['phase'], phases[index] as KillPoint['phase']];
  }
  return phases.map((phase) => ({ phase, delayMs: random.int(0, 12), count: random.int(1, 15) }));
}

function openDeadlines(state: DurableState): Deadline[] {
  return [...state.interactions.values()].filter((view) => view.state !== 'closed').flatMap(pendingDeadlines);
}

describe('crash matrix (SIGKILL at seeded points, fake domain clock)', () => {
  let workDir: string;
  let bundle: string;
  let running: GatewayProcess | undefined;
  let postgres: ThrowawayPostgres | undefined;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'icc-crash-matrix-'));
    bundle = await bundleGateway(workDir);
  });
  afterAll(async () => {
    if (running) await killChild(running);
    postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  const start = async (storeEnv: Record<string, string>, clockAt: number) => {
    running = await startChildGateway({
      bundle,
      env: { ...storeEnv, ICC_FAKE_CLOCK: iso(clockAt), ICC_INTAKE_RATE_PER_SECOND: '100000' },
    });
    return running;
  };
  const stores: Array<[string, number, () => Promise<CrashStore>]> = [
    ['SQLite', KILL_POINTS, async () => sqliteCrashStore(join(workDir, 'matrix-sqlite'))],
    [
      'PostgreSQL',
      POSTGRES_KILL_POINTS,
      async () => {
        postgres ??= await startThrowawayPostgres();
        return postgresCrashStore(await postgres.createDatabase('icc_crash_matrix'), join(workDir, 'matrix-postgres'));
      },
    ],
  ];

  it('first open of a fresh data dir: killed while the schema is created or the demo set-up seeded, the next start completes it', async () => {
    const random = createSeededRandom(SEED + 1);
    const landed: string[] = [];
    // 0: as the file appears; then after the n-th WAL write: the migration commits first, demo seeding follows.
    for (const walWrites of [0, 1, random.int(2, 5), random.int(5, 9)]) {
      const dataDir = join(workDir, `first-open-${landed.length}`);
      mkdirSync(dataDir);
      const killed = await killDuringFirstOpen({ bundle, env: {}, dataDir, walWrites });
      expect(killed.signal).toBe('SIGKILL');
      landed.push(`${walWrites}: ${readSetUpOfDeadGateway(dataDir)}`);
      const gateway = await start({ ICC_DATA_DIR: dataDir }, START);
      const agents = (await (await fetch(`${gateway.url}/v1/auth/dev-agents`)).json()) as { items: Agent[] };
      expect(agents.items.map((agent) => agent.id).sort()).toEqual(['agent-ada', 'agent-alan', 'agent-grace', 'supervisor-sam']);
      const signIn = await fetch(`${gateway.url}/v1/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"agentId":"agent-ada"}' });
      const { token } = (await signIn.json()) as { token: string };
      const queues = (await (await fetch(`${gateway.url}/v1/queues`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
      expect(queues.items).toHaveLength(DEMO_QUEUES.length);
      await killChild(gateway);
      running = undefined;
    }
    process.stdout.write(`[crash-matrix] first-open kills landed (WAL writes: state left): ${landed.join('; ')}\n`);
  });

  it.each(stores)('on %s: keeps every acknowledged write, re-folds every interaction and resumes every timer across %i seeded SIGKILLs', async (_name, killPoints, openStore) => {
    const random = createSeededRandom(SEED);
    const schedule = killSchedule(random, killPoints);
    const store = await openStore();
    mkdirSync(store.env['ICC_DATA_DIR'] as string);
    const tokens = new Map<string, string>();
    let now = START;
    const workload: CrashWorkload = createCrashWorkload(
      {
        url: () => running?.url ?? 'http://127.0.0.1:1',
        token: (agentId) => tokens.get(agentId) ?? '',
        now: () => now,
        setNow: (value) => (now = value),
      },
      random,
    );
    const figures = { killPoints: 0, idleKills: 0, eventsChecked: 0, deadlinesFired: 0 };

    const bootstrap = async (clockAt: number) => {
      const gateway = await start(store.env, clockAt);
      for (const [phoneNumber, behaviour] of Object.entries(CRASH_TELEPHONY)) {
        const answer = await workload.http('PUT', `/v1/dev/telephony/numbers/${encodeURIComponent(phoneNumber)}`, { body: { behaviour } });
        expect(answer.status).toBe(200);
      }
      if (tokens.size === 0) {
        for (const agentId of [...CRASH_AGENTS, 'supervisor-sam']) {
          const answer = await workload.http('POST', '/v1/auth/dev-token', { body: { agentId } });
          tokens.set(agentId, (answer.body as { token: string }).token);
        }
        for (const agentId of CRASH_AGENTS) {
          expect((await workload.http('PUT', `/v1/agents/${agentId}/presence`, { token: tokens.get(agentId), body: { presence: 'available' } })).status).toBe(200);
        }
      }
      return gateway;
    };
    const live = () => store.live();

    /** Advances to just before the earliest deadline (nothing fires), then onto it (it fires). */
    const deadlineProblems = async (state: DurableState): Promise<string[]> => {
      const deadlines = openDeadlines(state);
      if (deadlines.length === 0) return [];
      const at = Math.min(...deadlines.map((deadline) => deadline.at));
      const due = deadlines.filter((deadline) => deadline.at === at);
      const problems: string[] = [];
      const seqOf = (view: Interaction | undefined) => view?.seq ?? -1;
      if (at - 1 > now) {
        expect(await workload.advance(at - 1 - now)).toBe(true);
        const early = await live();
        for (const deadline of due) {
          if (seqOf(early.interactions.get(deadline.interactionId)) !== seqOf(state.interactions.get(deadline.interactionId))) {
            problems.push(`${deadline.kind} of ${deadline.interactionId} fired before ${iso(at)}`);
          }
        }
      }
      expect(await workload.advance(Math.max(0, at - now))).toBe(true);
      const fired = await live();
      // A start or retry due with the expire time does not call the customer: the expiry is what fires.
      const expiring = new Set(due.filter((deadline) => deadline.kind === 'expire').map((deadline) => deadline.interactionId));
      for (const deadline of due.filter((candidate) => candidate.kind === 'expire' || !expiring.has(candidate.interactionId))) {
        const since = seqOf(state.interactions.get(deadline.interactionId));
        const next = fired.events.find((event) => event.seq > since && 'interactionId' in event && event.interactionId === deadline.interactionId);
        if (!next || !isFiredBy(deadline.kind, next)) problems.push(`${deadline.kind} of ${deadline.interactionId} due ${iso(at)} did not fire (next: ${next?.type ?? 'nothing'})`);
        else figures.deadlinesFired += 1;
      }
      return problems;
    };

    running = await bootstrap(now);
    for (const [index, point] of schedule.entries()) {
      const context = `${store.name} kill point ${index + 1}/${schedule.length} (${point.phase}, +${point.delayMs} ms, seed ${SEED})`;
      await workload.prepare(point.phase);
      const gateway = running;
      const { idle } = await workload.strike(
        point,
        () => gateway.child.kill('SIGKILL'),
        async () => {
          const deadlines = openDeadlines(await live());
          return deadlines.length === 0 ? undefined : Math.min(...deadlines.map((deadline) => deadline.at));
        },
      );
      expect((await gateway.exited).signal).toBe('SIGKILL');
      running = undefined;
      if (idle) figures.idleKills += 1;

      const before = await store.dead();
      const problems = [
        ...logProblems(before),
        ...acknowledgementProblems(before, workload.acknowledgedCallbacks, workload.acknowledgedCommands),
      ];
      // The domain clock resumes where the dead process left it (an advance may have been cut short).
      now = Math.max(now, ...before.events.map((event) => Date.parse(event.at)));
      running = await bootstrap(now);
      const after = await live();
      problems.push(...restartProblems(before, after), ...logProblems(after), ...(await deadlineProblems(after)), ...workload.serverErrors);
      expect({ context, problems }).toEqual({ context, problems: [] });
      figures.killPoints += 1;
      figures.eventsChecked += before.events.length + after.events.length;
    }

    // Clients retry what never got an answer: a stored key answers 200 with its callback, never a second one.
    const storedBeforeRetry = (await live()).callbackIdByKey;
    let replayed = 0;
    for (const [key, body] of workload.attemptedBodies) {
      if (workload.acknowledgedCallbacks.has(key)) continue;
      const answer = await workload.http('POST', '/v1/callbacks', { body, key });
      const stored = storedBeforeRetry.get(key);
      if (stored !== undefined) {
        expect({ key, status: answer.status, id: (answer.body as { id?: string }).id }).toEqual({ key, status: 200, id: stored });
        replayed += 1;
      } else if (answer.status === 400) {
        // Never stored, and its schedule or expiry has passed on the domain clock meanwhile.
        expect(answer.body).toMatchObject({ code: 'validation_failed' });
        continue;
      } else expect({ key, status: answer.status }).toEqual({ key, status: 201 });
      workload.acknowledgedCallbacks.set(key, (answer.body as { id: string }).id);
    }
    const afterRetry = await live();
    expect(afterRetry.callbacks.size).toBe(workload.acknowledgedCallbacks.size);
    expect(afterRetry.callbackIdByKey).toEqual(workload.acknowledgedCallbacks);

    // Work everything off: agents finish what they hold, timers run out; nothing stays open.
    for (let round = 0; round < 400; round++) {
      const open = [...(await live()).interactions.values()].filter((view) => view.state !== 'closed');
      if (open.length === 0) break;
      await workload.agentsAct((view) => workload.choose(view, 'finish'));
      const busy = open.some((view) => !['scheduled', 'retry-wait', 'queued'].includes(view.state) || view.customerOnLine);
      const next = Math.min(...open.flatMap(pendingDeadlines).map((deadline) => deadline.at), now + 60_000);
      await workload.advance(busy ? 5000 : Math.max(5000, next - now));
    }
    expect([...(await live()).interactions.values()].filter((view) => view.state !== 'closed').map((view) => `${view.id} ${view.state}`)).toEqual([]);

    // No agent is left reserved: each of them is offered one of three new callbacks.
    const fresh = await Promise.all(
      [0, 1, 2].map(() => workload.intake({ queueId: 'callbacks-af', schedule: { type: 'asap' } })),
    );
    expect(fresh).toEqual([201, 201, 201]);
    const offeredTo = [...(await live()).interactions.values()].filter((view) => view.state === 'offered').map((view) => view.agentId);
    // On a mismatch, the agents' presence says why one was not free (a work state left behind, not responding, …).
    const agents = (await workload.http('GET', '/v1/agents', { token: tokens.get('supervisor-sam') })).body as { items: Array<{ id: string; presence: string }> };
    const presences = agents.items.filter((agent) => (CRASH_AGENTS as readonly string[]).includes(agent.id)).map((agent) => `${agent.id} ${agent.presence}`);
    expect({ offeredTo: offeredTo.sort(), presences }).toEqual({ offeredTo: [...CRASH_AGENTS].sort(), presences });

    const last = running;
    await killChild(last);
    running = undefined;
    const final = await store.dead();
    expect([
      ...logProblems(final),
      ...acknowledgementProblems(final, workload.acknowledgedCallbacks, workload.acknowledgedCommands),
      ...(await store.rebuildProblems()),
      ...workload.serverErrors,
    ]).toEqual([]);
    figures.eventsChecked += final.events.length;
    process.stdout.write(
      `[crash-matrix] ${store.name}, seed ${SEED}: ${figures.killPoints} kill points survived (${figures.idleKills} idle), ` +
        `${figures.eventsChecked} events re-checked, ${figures.deadlinesFired} deadlines fired on time after restart, ` +
        `${workload.acknowledgedCallbacks.size} callbacks (${replayed} stored but unanswered, replayed on retry) and ` +
        `${workload.acknowledgedCommands.length} commands acknowledged, ` +
        `${workload.requestCount()} requests\n`,
    );
  });
});
