import { openPostgresEventStore } from '@icc/store-postgres';
import { queryDatabase } from '@icc/store-postgres/testing';
import { acknowledgementProblems, logProblems } from '../reliability/durable-invariants';
import { readDurableStateFromPostgres, readDurableStateOfDeadPostgresGateway } from '../reliability/durable-state-postgres';
import { startLoadAgent, type LoadAgent } from '../reliability/load-agent';
import { agentFleet } from '../reliability/reliability-fixtures';
import { soakOr } from '../reliability/soak';
import { expectedStreamSeqs, streamProblems } from '../reliability/stream-expectations';
import { clusterStatus, startFailoverCluster, type ClusterGateway, type FailoverCluster } from './failover-cluster';
import { startFailoverIntake } from './failover-intake';
import { callbackOnceProblems, doubleBookedAgentProblems, overlappingOfferProblems, quantile, scheduledStartProblems } from './failover-invariants';
import { firstAcquisitionAfter, staleOwnerProblems, type LeaseLogLine } from './lease-log';
import { startLogObserver } from './log-observer';

const GATEWAYS = 3;
const LEASE_TTL_MS = 2000;
const ROUNDS = soakOr(1, 4);
const INTAKE_PER_SECOND = soakOr(4, 8);
const AGENTS = agentFleet(soakOr(6, 12));
const WARM_MS = soakOr(1500, 6000);
const SETTLE_MS = soakOr(2500, 8000);
const SCHEDULED_PER_FAULT = soakOr(4, 10);
/** How long a stopped owner stays stopped after another gateway took over (it is past its TTL by then). */
const STOPPED_AFTER_TAKEOVER_MS = 1000;
const POSTGRES_DOWN_MS = soakOr(1000, 3000);
const LATENESS_P99_BOUND_MS = 1000;

jest.setTimeout(soakOr(240_000, 1_800_000));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (condition: () => boolean, withinMs: number, what: string) => {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

async function json<T>(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

interface Takeover {
  fault: string;
  /** Fault → the first `lease acquired` of a newer token (log line time); for PostgreSQL: → the first 2xx intake after the restart. */
  takeoverMs: number;
  /** Acquired → its ACD restored from the log and acting (scheduled-start lateness counts from then). */
  restoreMs: number | undefined;
  /** Fault → a running gateway's /clusterz shows itself owner (polled every 25 ms). */
  clusterzMs: number;
  tokens: string;
  scheduledStarts: number;
  lateP99Ms: number;
}

/*
 * Three clustered gateways on one PostgreSQL under steady intake (spread over all of them) and
 * agents working offers over WebSocket streams connected to different gateways. Faults: SIGKILL
 * of the ACD owner, SIGSTOP of the owner past its lease (a partition) then SIGCONT, a PostgreSQL
 * restart. After each, read from the shared log: every 2xx callback exactly once, no interaction
 * offered twice at once, every scheduled callback due started exactly once and on time after the
 * takeover, every agent stream gap-free across its resume; takeover times are measured and printed.
 */
describe(`failover: ${GATEWAYS} gateways on one PostgreSQL, lease TTL ${LEASE_TTL_MS} ms, ${ROUNDS} round(s) of each fault`, () => {
  let cluster: FailoverCluster;
  let intake: ReturnType<typeof startFailoverIntake>;
  let observer: ReturnType<typeof startLogObserver>;
  const agents: LoadAgent[] = [];
  const takeovers: Takeover[] = [];
  const outages: Array<[number, number]> = [];

  beforeAll(async () => {
    cluster = await startFailoverCluster({ size: GATEWAYS, leaseTtlMs: LEASE_TTL_MS, agents: AGENTS });
    observer = startLogObserver(cluster.storeUrl);
    const first = cluster.gateways[0] as ClusterGateway;
    for (const [index, agent] of AGENTS.entries()) {
      const { body } = await json<{ token: string }>(first.url, '/v1/auth/dev-token', { method: 'POST', body: { agentId: agent.id } });
      // Presence reaches the ACD: a follower forwards it to the owner.
      const via = cluster.urlOf(index);
      expect((await json(via, `/v1/agents/${agent.id}/presence`, { method: 'PUT', token: body.token, body: { presence: 'available' } })).status).toBe(200);
      agents.push(startLoadAgent({ url: via, agentId: agent.id, token: body.token, works: true, connectTo: () => cluster.urlOf(index) }));
    }
    await until(() => agents.every((agent) => agent.record.snapshotSeq !== undefined), 30_000, 'every agent stream to get its snapshot');
    intake = startFailoverIntake({ urlOf: cluster.urlOf, ratePerSecond: INTAKE_PER_SECOND });
  });

  afterAll(async () => {
    await intake?.stop();
    await observer?.stop();
    for (const agent of agents) agent.close();
    await cluster?.close();
    if (takeovers.length > 0) console.info(`failover takeover times (lease TTL ${LEASE_TTL_MS} ms)\n${takeoverTable(takeovers)}`);
  });

  /** Scheduled callbacks due over the next lease period and a bit, all acknowledged before the fault. */
  const scheduleAcrossTheFault = async () => {
    const from = Date.now() + 600;
    const span = LEASE_TTL_MS + 3000;
    const ids = await Promise.all(Array.from({ length: SCHEDULED_PER_FAULT }, (_, index) => intake.schedule(from + Math.round((index * span) / SCHEDULED_PER_FAULT))));
    return { lastDue: from + span, callbackIds: new Set(ids.filter((id): id is string => id !== undefined)) };
  };

  /** Each round: warm traffic, scheduled callbacks due across the fault, the fault, its recovery, settled traffic, then the checks. */
  const round = async (
    fault: string,
    inject: (owner: ClusterGateway, token: number) => Promise<{ faultAt: number; recoveredAt: number; seenAt: number; tokens: string }>,
  ) => {
    await sleep(WARM_MS);
    const { gateway: owner, token } = await cluster.waitForOwner(0);
    const { lastDue, callbackIds } = await scheduleAcrossTheFault();
    const { faultAt, recoveredAt, seenAt, tokens } = await inject(owner, token);
    const restored = await restoredSince(faultAt);
    // Scheduled starts are timed from when the takeover completed: the new owner's ACD restored from the log.
    outages.push([faultAt, Math.max(recoveredAt, restored?.running ?? 0)]);
    process.stdout.write(`[failover] ${fault} of ${owner.name} at ${faultAt}: recovered after ${recoveredAt - faultAt} ms (lease token ${tokens})\n`);
    await sleep(Math.max(0, lastDue - Date.now()) + SETTLE_MS);
    // Recorded before the checks, so that the table shows a failed round's numbers too.
    const row: Takeover = {
      fault,
      takeoverMs: recoveredAt - faultAt,
      restoreMs: restored && restored.running - restored.acquired,
      clusterzMs: seenAt - faultAt,
      tokens,
      scheduledStarts: 0,
      lateP99Ms: Number.NaN,
    };
    takeovers.push(row);
    await checkTheLog(callbackIds, row);
  };

  /** The invariants over the shared log as it stands (gateways still running: only what is settled is checked). */
  const checkTheLog = async (scheduledThisRound: ReadonlySet<string>, row: Takeover) => {
    for (const agent of agents) if (!agent.isOpen()) await until(() => agent.isOpen(), 15_000, `${agent.agentId}'s stream to be open again`);
    // Acknowledged before the log is read: what is answered later may not be in this read yet.
    const acknowledged = new Map(intake.tally.acknowledged);
    // Every start due 1.5 s before the read must be in it (the settle time puts this round's last one before that).
    const dueBy = Date.now() - 1500;
    const state = await readDurableStateFromPostgres(cluster.storeUrl);
    const head = state.events.length;
    await sleep(1500);
    const records = new Map(agents.map((agent) => [agent.agentId, { ...agent.record, eventSeqs: agent.record.eventSeqs.filter((seq) => seq <= head) }]));
    const reader = await openPostgresEventStore({ url: cluster.storeUrl, poolSize: 2 });
    let expected: Map<string, number[]>;
    try {
      expected = await expectedStreamSeqs(reader, records, head);
    } finally {
      await reader.close();
    }
    const scheduled = scheduledStartProblems(state.events, dueBy, outages, observer.appendedAt);
    const thisRound = scheduled.starts.filter((start) => scheduledThisRound.has(start.callbackId));
    const lateP99Ms = quantile(
      thisRound.map((start) => start.lateMs),
      0.99,
    );
    Object.assign(row, { scheduledStarts: thisRound.length, lateP99Ms });
    expect({
      seqs: state.events.every((event, index) => event.seq === index + 1),
      acknowledgements: acknowledgementProblems(state, acknowledged, []),
      callbacksOnce: callbackOnceProblems(state.events, acknowledged.values()),
      offers: overlappingOfferProblems(state.events),
      agents: doubleBookedAgentProblems(state.events),
      scheduled: scheduled.problems,
      streams: streamProblems(records, expected),
      intake: [...intake.tally.refusals, ...intake.tally.serverErrors],
    }).toEqual({ seqs: true, acknowledgements: [], callbacksOnce: [], offers: [], agents: [], scheduled: [], streams: [], intake: [] });
    expect(thisRound.length).toBe(scheduledThisRound.size);
    const late = lateP99Ms <= LATENESS_P99_BOUND_MS ? [] : [`scheduled starts p99 ${lateP99Ms} ms late: ${JSON.stringify(thisRound)}`];
    expect(late).toEqual([]);
  };

  const leaseLinesByGateway = () => new Map(cluster.gateways.map((gateway) => [gateway.name, gateway.lease]));
  /** When the lease was acquired since `faultAt`, and when that gateway's ACD was running (restored from the log); undefined if nobody acquired it. */
  const restoredSince = async (faultAt: number): Promise<{ acquired: number; running: number } | undefined> => {
    const acquired = firstAcquisitionAfter(leaseLinesByGateway(), faultAt);
    if (!acquired) return undefined;
    const lines = cluster.gateways.find((gateway) => gateway.name === acquired.gateway)?.lease ?? [];
    const running = () => lines.find((line) => line.kind === 'running' && line.time >= acquired.line.time);
    await until(() => running() !== undefined, 15_000, `${acquired.gateway}'s ACD to run`);
    return { acquired: acquired.line.time, running: (running() as LeaseLogLine).time };
  };
  /** Takeover as the lease lines tell it: the fault → the first acquisition logged since. */
  const takenOverAt = async (token: number, faultAt: number) => {
    const next = await cluster.waitForOwner(token);
    const acquired = firstAcquisitionAfter(leaseLinesByGateway(), faultAt);
    if (!acquired) throw new Error(`${next.gateway.name} owns the ACD under token ${next.token} but logged no acquisition since the fault`);
    return { recoveredAt: acquired.line.time, seenAt: next.seenAt, tokens: `${token} → ${next.token} (${next.gateway.name})` };
  };

  for (let index = 1; index <= ROUNDS; index++) {
    it(`round ${index}: SIGKILL of the ACD owner — another gateway takes over within TTL + TTL/3, nothing lost or doubled`, async () => {
      await round('SIGKILL owner', async (owner, token) => {
        const faultAt = Date.now();
        await cluster.kill(owner);
        const taken = await takenOverAt(token, faultAt);
        expect(taken.recoveredAt - faultAt).toBeLessThanOrEqual(LEASE_TTL_MS + LEASE_TTL_MS / 3 + 1000);
        // A fresh gateway joins in its place (as a follower), under traffic.
        await cluster.startGateway();
        return { faultAt, ...taken };
      });
    });

    it(`round ${index}: SIGSTOP of the owner past its TTL, then SIGCONT — it stops acting and its late writes are refused`, async () => {
      await round('SIGSTOP owner', async (owner, token) => {
        const faultAt = Date.now();
        cluster.stop(owner);
        // Its agents' streams go quiet: their client (or the load balancer's health check) moves them elsewhere.
        for (const agent of agents) if (agent.connectedTo() === owner.url) agent.drop();
        let taken: Awaited<ReturnType<typeof takenOverAt>>;
        let resumedAt = 0;
        try {
          taken = await takenOverAt(token, faultAt);
          await sleep(STOPPED_AFTER_TAKEOVER_MS);
        } finally {
          resumedAt = Date.now();
          cluster.resume(owner);
        }
        await sleep(LEASE_TTL_MS);
        expect(staleOwnerProblems(owner.lease, resumedAt)).toEqual([]);
        expect(await clusterStatus(owner.url)).toMatchObject({ role: 'follower' });
        // The lease row names the new owner: the resumed one did not take it back.
        const [lease] = await queryDatabase<{ holder: string; token: number }>(cluster.storeUrl, "SELECT holder, token::int AS token FROM leases WHERE name = 'acd'");
        expect(lease?.holder).not.toBe(owner.url);
        return { faultAt, ...taken };
      });
    });

    it(`round ${index}: PostgreSQL restarted under traffic — the cluster carries on, nothing lost or doubled`, async () => {
      await round('PostgreSQL restart', async (_owner, token) => {
        const faultAt = Date.now();
        await cluster.restartPostgres(POSTGRES_DOWN_MS);
        const backAt = Date.now();
        await until(() => intake.tally.answers.some((answer) => answer.answeredAt > backAt), 30_000, 'a callback answered after the restart');
        const answeredAt = Math.min(...intake.tally.answers.filter((answer) => answer.answeredAt > backAt).map((answer) => answer.answeredAt));
        const now = await cluster.waitForOwner(0);
        return { faultAt, recoveredAt: answeredAt, seenAt: now.seenAt, tokens: now.token === token ? `${token} (kept)` : `${token} → ${now.token} (${now.gateway.name})` };
      });
    });
  }

  it('after the run: every request answered, the log gap-free and every read model the fold of its events', async () => {
    await intake.stop();
    for (const agent of agents) agent.stopWorking();
    for (const gateway of cluster.running()) {
      gateway.process.child.kill('SIGTERM');
      expect(await gateway.process.exited).toEqual({ code: 0, signal: null });
    }
    const final = await readDurableStateOfDeadPostgresGateway(cluster.storeUrl);
    expect({
      log: logProblems(final),
      acknowledgements: acknowledgementProblems(final, intake.tally.acknowledged, []),
      gaveUp: intake.tally.gaveUp,
      refusals: intake.tally.refusals,
      serverErrors: intake.tally.serverErrors,
    }).toEqual({ log: [], acknowledgements: [], gaveUp: 0, refusals: [], serverErrors: [] });
    process.stdout.write(
      `[failover] ${intake.tally.acknowledged.size} callbacks acknowledged (${JSON.stringify(intake.tally.byStatus)}, ${intake.tally.retries} retries), ` +
        `${final.events.length} events, agent commands refused: ${JSON.stringify(Object.fromEntries(agents.flatMap((agent) => [...agent.commandErrors])))}\n`,
    );
  });
});

function takeoverTable(rows: readonly Takeover[]): string {
  const header = ['fault', 'takeover ms', 'restore ms', '/clusterz ms', 'lease token', 'scheduled starts', 'lateness p99 ms'];
  const lines = rows.map((row) => [row.fault, String(row.takeoverMs), String(row.restoreMs ?? '-'), String(row.clusterzMs), row.tokens, String(row.scheduledStarts), String(row.lateP99Ms)]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] as string).length)));
  return [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')).join('\n');
}
