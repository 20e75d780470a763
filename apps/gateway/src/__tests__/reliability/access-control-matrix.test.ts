import type { InteractionCommand } from '@icc/client';
import { createInMemoryEventStore } from '@icc/core';
import { exampleCustomer, PROTOCOL_VERSION, type EventFrame } from '@icc/protocol';
import { createPushVendorAdapter } from '../push-vendor-adapter';
import { openStream } from '../stream-client';
import { startTestGateway, TEST_WEBHOOK_SECRET, type TestGateway } from '../test-gateway';
import { signIccWebhook as signWebhook } from '@icc/adapter-kit';
import {
  ABSENT_AGENT,
  ANSWERING_NUMBER,
  BUSY_NUMBER,
  createAccessFixtures,
  expiredToken,
  PRINCIPALS,
  SAME_QUEUE_AGENT,
  tamperedToken,
  type AccessFixture,
  type FixtureState,
  type PrincipalColumn,
  UNRELATED_AGENT,
} from './access-fixtures';
import { rawHttp } from './raw-http';
import { agentFleet, seedQueuesAndAgents, UNLIMITED_INTAKE } from './reliability-fixtures';
import { DEMO_QUEUES } from '../../composition/demo-configuration';

jest.setTimeout(120_000);

type Row = [route: string, ...expected: number[]];

/*
 * Every endpoint of docs/api.md × who calls. The relationship columns are agents whose history with
 * the fixture's callback makes them so (see createAccessFixtures): `handling` holds its current
 * interaction, `transferred-away` handed the callback to them, `handled-before` accepted and
 * rescheduled it, `offered` declined it, `same-queue` is in its queue but never involved,
 * `unrelated` is in no queue. `expired` is the handling agent's token 13 h after issue, `tampered`
 * its token with the payload rewritten to claim the supervisor. `:callback`, `:interaction` (the
 * current one), `:previous` (the one the callback was transferred from) and `:agent` (the handling
 * agent) are the fixture's.
 */
const ENDPOINTS: Row[] = [
  //                                         none expired tampered unrelated same-queue offered handled-before transferred-away handling supervisor
  ['GET /healthz',                             200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /readyz',                              200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /metrics',                             200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/openapi.json',                     200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/auth/config',                      200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/auth/dev-agents',                  200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['POST /v1/auth/dev-token',                  200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/me',                               401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['POST /v1/callbacks',                       201, 201, 201, 201, 201, 201, 201, 201, 201, 201],
  // Keeping a callback for an agent needs a token that may: the agent themselves, or a supervisor (mayKeepFor).
  ['POST /v1/callbacks (kept for :agent)',     401, 401, 401, 403, 403, 403, 403, 403, 201, 201],
  ['GET /v1/callbacks?limit=200',              401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/callbacks?view=upcoming&limit=200', 401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/callbacks/:callback',              401, 401, 401, 403, 403, 200, 200, 200, 200, 200],
  ['GET /v1/callbacks/:callback/events',       401, 401, 401, 403, 403, 200, 200, 200, 200, 200],
  ['PATCH /v1/callbacks/:callback',            401, 401, 401, 403, 403, 403, 403, 403, 200, 200],
  ['POST /v1/callbacks/:callback/cancel',      401, 401, 401, 403, 403, 403, 403, 403, 200, 200],
  ['POST /v1/callbacks/:callback/reschedule',  401, 401, 401, 403, 403, 403, 403, 403, 200, 200],
  ['GET /v1/callbacks/:callback/position',     401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/queues',                           401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/queues/stats',                     401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['GET /v1/queues/stats/history',             401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['GET /v1/offers/missed',                    401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  // Queue configuration follows the role alone: every agent reads it, only supervisors write it.
  ['POST /v1/queues',                          401, 401, 401, 403, 403, 403, 403, 403, 403, 201],
  ['GET /v1/queues/:queue',                    401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/queues/:queue/versions',           401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/queues/:queue/versions/1',         401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['PUT /v1/queues/:queue',                    401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['PATCH /v1/queues/:queue',                  401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['DELETE /v1/queues/:doomed-queue',          401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  // Webhook subscriptions (events out) are about the whole contact center: supervisors only.
  ['POST /v1/webhooks/subscriptions',          401, 401, 401, 403, 403, 403, 403, 403, 403, 201],
  ['GET /v1/webhooks/subscriptions',           401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['GET /v1/webhooks/subscriptions/:subscription', 401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['DELETE /v1/webhooks/subscriptions/:doomed-subscription', 401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['GET /v1/webhooks/subscriptions/:subscription/dead-letters', 401, 401, 401, 403, 403, 403, 403, 403, 403, 200],
  ['POST /v1/webhooks/subscriptions/:subscription/dead-letters/1/redeliver', 401, 401, 401, 403, 403, 403, 403, 403, 403, 202],
  ['POST /v1/webhooks/subscriptions/:subscription/replay', 401, 401, 401, 403, 403, 403, 403, 403, 403, 202],
  ['GET /v1/agents',                           401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['PUT /v1/agents/:agent/presence',           401, 401, 401, 403, 403, 403, 403, 403, 200, 200],
  ['GET /v1/vendor',                           401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /v1/interactions?limit=200',           401, 401, 401, 200, 200, 200, 200, 200, 200, 200],
  // An interaction is judged on its own events: the callback's earlier agents read the interaction they had, not the new one.
  ['GET /v1/interactions/:interaction',        401, 401, 401, 403, 403, 403, 403, 403, 200, 200],
  ['GET /v1/interactions/:previous',           401, 401, 401, 403, 403, 200, 200, 200, 403, 200],
  ['PUT /v1/dev/telephony/numbers/:number',    200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  ['POST /v1/dev/clock/advance',               200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
];

const MATRIX_QUEUE = 'matrix-queue';
const DOOMED_QUEUE = 'matrix-doomed-queue';
const MATRIX_SUBSCRIPTION = 'whs_matrix';
const DOOMED_SUBSCRIPTION = 'whs_matrix-doomed';
const { id: _matrixQueueId, ...MATRIX_QUEUE_SETTINGS } = DEMO_QUEUES[1] as (typeof DEMO_QUEUES)[number];

const BODIES: Record<string, unknown> = {
  'POST /v1/queues': { ...MATRIX_QUEUE_SETTINGS, id: 'matrix-created-queue' },
  'PUT /v1/queues/:queue': { ...MATRIX_QUEUE_SETTINGS, name: 'Replaced by the matrix' },
  'PATCH /v1/queues/:queue': { name: 'Patched by the matrix' },
  'POST /v1/auth/dev-token': { agentId: 'agent-ada' },
  'POST /v1/callbacks': { queueId: 'callbacks-cf', customer: exampleCustomer(), reason: { code: 'other-issue' }, shortDescription: 'Matrix', schedule: { type: 'scheduled', start: '2026-03-11T09:00:00Z' } },
  'POST /v1/callbacks (kept for :agent)': { queueId: 'callbacks-cf', customer: exampleCustomer(), reason: { code: 'other-issue' }, shortDescription: 'Kept', assignedAgentId: ':agent', schedule: { type: 'scheduled', start: '2026-03-11T09:00:00Z' } },
  'PATCH /v1/callbacks/:callback': { notes: 'Checked by the matrix' },
  'POST /v1/callbacks/:callback/cancel': { reason: 'matrix' },
  'POST /v1/callbacks/:callback/reschedule': { start: '2026-03-11T10:00:00Z' },
  'PUT /v1/agents/:agent/presence': { presence: 'available' },
  'PUT /v1/dev/telephony/numbers/:number': { behaviour: { kind: 'answer', afterSeconds: 1 } },
  'POST /v1/dev/clock/advance': { milliseconds: 0 },
  // A documentation address (TEST-NET-3): public, so allowed, and never answering.
  'POST /v1/webhooks/subscriptions': { url: 'https://203.0.113.9/matrix', eventTypes: ['callback.created'] },
  'POST /v1/webhooks/subscriptions/:subscription/replay': { fromSeq: 1 },
};
/** Rows whose 2xx changes the fixture: each such cell gets a fresh one. */
const CHANGES_FIXTURE = new Set(['POST /v1/callbacks/:callback/cancel', 'POST /v1/callbacks/:callback/reschedule']);

type CommandRow = [command: InteractionCommand | ((fixture: AccessFixture) => InteractionCommand), state: FixtureState, ...expected: number[]];

/** Every agent command, from a state where the controls allow it: only the handling agent may send it (same columns as above). */
const COMMANDS: CommandRow[] = [
  [{ type: 'accept' },                                          'offered',      401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'reject' },                                          'offered',      401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'dial', phoneNumber: ANSWERING_NUMBER },             'previewing',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'close-callback' },                                  'previewing',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'reschedule', start: '2026-03-11T09:00:00Z' },       'previewing',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'transfer-callback', target: { kind: 'agent', agentId: ABSENT_AGENT } }, 'previewing', 401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'cancel-transfer' },                                 'transferring', 401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'redial' },                                          'no-answer',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'hold' },                                            'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'resume' },                                          'on-hold',      401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'mute' },                                            'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'unmute' },                                          'muted',        401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'record-start' },                                    'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'record-stop' },                                     'recording',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'send-dtmf', digits: '12#' },                        'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'escalate', escalated: true },                       'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [(fixture) => ({ type: 'transfer-call', agentId: fixture.freeAgentId }), 'connected', 401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [(fixture) => ({ type: 'consult-call', agentId: fixture.freeAgentId }), 'connected', 401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'merge-calls' },                                     'consulting',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'cancel-consult' },                                  'consulting',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'leave-and-transfer' },                              'consulting',   401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'end-call' },                                        'connected',    401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
  [{ type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: '' } }, 'wrap-up', 401, 401, 401, 403, 403, 403, 403, 403, 200, 403],
];

describe('access control matrix', () => {
  let t: TestGateway;
  const tokens = new Map<string, string>();
  const tokenOf = async (agentId: string) => {
    let token = tokens.get(agentId);
    if (!token) {
      token = (await t.anonymous.devSignIn(agentId)).token;
      tokens.set(agentId, token);
    }
    return token;
  };
  // Each fixture uses five or six agents of its own.
  const fleet = agentFleet(400).map((agent) => agent.id);
  let fixtures: ReturnType<typeof createAccessFixtures>;
  let cells = 0;

  beforeAll(async () => {
    const store = createInMemoryEventStore();
    await seedQueuesAndAgents(store, [...agentFleet(400), { id: UNRELATED_AGENT, displayName: 'Outsider', role: 'agent', queueIds: [] }]);
    t = await startTestGateway({ store, intakeRateLimit: UNLIMITED_INTAKE });
    for (const id of [MATRIX_QUEUE, DOOMED_QUEUE]) await t.gateway.services.queues.create({ ...MATRIX_QUEUE_SETTINGS, id }, 'system');
    for (const id of [MATRIX_SUBSCRIPTION, DOOMED_SUBSCRIPTION]) {
      // Its cursor is past any event, so it delivers nothing; one dead letter for the redeliver row.
      await store.webhookSubscriptions.create({ id, url: 'https://203.0.113.9/matrix', eventTypes: ['callback.created'], createdAt: '2026-03-10T09:00:00.000Z', secret: 'whsec_matrix', cursorSeq: 1e9 });
    }
    await store.webhookSubscriptions.enqueue(MATRIX_SUBSCRIPTION, [{ seq: 1, eventType: 'callback.created', orderKey: 'callback:matrix' }], 1e9);
    await store.webhookSubscriptions.markFailed(MATRIX_SUBSCRIPTION, 1, { error: 'HTTP 500', nextAttemptAtMs: 0, dead: true });
    for (const [phoneNumber, behaviour] of [[ANSWERING_NUMBER, { kind: 'answer', afterSeconds: 1 }], [BUSY_NUMBER, { kind: 'busy', afterSeconds: 1 }]] as const) {
      await rawHttp(t.url, { method: 'PUT', path: `/v1/dev/telephony/numbers/${encodeURIComponent(phoneNumber)}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ behaviour }) });
    }
    fixtures = createAccessFixtures(t, fleet, tokenOf);
  });
  afterAll(async () => {
    process.stdout.write(`[access-control] ${cells} cells of the matrix checked\n`);
    await t.close();
  });

  /** The agent behind a relationship column, for a fixture. */
  const agentOf = (column: Exclude<PrincipalColumn, 'none' | 'expired' | 'tampered'>, fixture: AccessFixture): string => {
    switch (column) {
      case 'unrelated':
        return UNRELATED_AGENT;
      case 'same-queue':
        return SAME_QUEUE_AGENT;
      case 'offered':
        return fixture.offeredAgentId;
      case 'handled-before':
        return fixture.handledBeforeAgentId;
      case 'transferred-away':
        return fixture.transferredAwayAgentId;
      case 'handling':
        return fixture.agentId;
      case 'supervisor':
        return 'supervisor-sam';
    }
  };
  /** The Authorization header of a column, for a fixture. */
  const authorization = async (column: PrincipalColumn, fixture: AccessFixture): Promise<Record<string, string>> => {
    switch (column) {
      case 'none':
        return {};
      case 'expired':
        return { authorization: `Bearer ${await expiredToken(fixture.agentId)}` };
      case 'tampered':
        return { authorization: `Bearer ${tamperedToken(await tokenOf(fixture.agentId))}` };
      default:
        return { authorization: `Bearer ${await tokenOf(agentOf(column, fixture))}` };
    }
  };
  const request = async (route: string, column: PrincipalColumn, fixture: AccessFixture, body: unknown) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = template
      .replace(':callback', fixture.callbackId)
      .replace(':interaction', fixture.interactionId)
      .replace(':previous', fixture.previousInteractionId)
      .replace(':agent', fixture.agentId)
      .replace(':number', encodeURIComponent(ANSWERING_NUMBER))
      .replace(':queue', MATRIX_QUEUE)
      .replace(':doomed-queue', DOOMED_QUEUE)
      .replace(':subscription', MATRIX_SUBSCRIPTION)
      .replace(':doomed-subscription', DOOMED_SUBSCRIPTION);
    // Versioned writes name the version they change: the current one, so only access decides.
    const queueId = method === 'GET' ? undefined : /^\/v1\/queues\/([^/]+)$/.exec(path)?.[1];
    const version = queueId === undefined ? undefined : t.gateway.store.getQueue(queueId)?.version;
    const answer = await rawHttp(t.url, {
      method,
      path,
      headers: {
        ...(await authorization(column, fixture)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body).replace('":agent"', JSON.stringify(fixture.agentId)) }),
    });
    cells += 1;
    return answer;
  };

  it.each(ENDPOINTS)('%s', async (route, ...expected) => {
    const shared = await fixtures.build('previewing');
    const actual: Record<string, number> = {};
    for (const [index, column] of PRINCIPALS.entries()) {
      const wanted = expected[index] as number;
      const fixture = CHANGES_FIXTURE.has(route) && wanted < 300 ? await fixtures.build('previewing') : shared;
      const answer = await request(route, column, fixture, BODIES[route]);
      actual[column] = answer.status;
      if (route.startsWith('GET /v1/callbacks?view=upcoming')) {
        // The queue's upcoming work (the public row's scheduled callbacks) reaches its members, never outsiders.
        const items = (answer.json as { items?: unknown[] } | undefined)?.items ?? [];
        if (column === 'unrelated') expect(items).toEqual([]);
        if (column === 'same-queue' || column === 'supervisor') expect(items.length).toBeGreaterThan(0);
      } else if (route.startsWith('GET /v1/callbacks?') || route.startsWith('GET /v1/interactions?')) {
        // Listing is allowed to every agent, but only what they handled shows up.
        const listed = JSON.stringify(answer.json ?? {});
        if (column === 'unrelated' || column === 'same-queue') expect(listed).not.toContain(fixture.interactionId);
        if (column === 'handling' || column === 'supervisor') expect(listed).toContain(fixture.interactionId);
      }
      if (fixture !== shared) await fixtures.release(fixture);
    }
    await fixtures.release(shared);
    expect(actual).toEqual(Object.fromEntries(PRINCIPALS.map((column, index) => [column, expected[index]])));
  });

  it.each(COMMANDS.map((row) => [typeof row[0] === 'function' ? row[0]({ freeAgentId: 'x' } as AccessFixture).type : row[0].type, ...row] as const))(
    'command %s',
    async (_name, command, state, ...expected) => {
      const fixture = await fixtures.build(state, typeof command === 'function');
      const body = typeof command === 'function' ? command(fixture) : command;
      const actual: Record<string, number> = {};
      // The handling agent goes last: every other cell must leave the interaction as it was.
      for (const column of [...PRINCIPALS.filter((column) => column !== 'handling'), 'handling' as const]) {
        const before = t.gateway.store.getInteraction(fixture.interactionId)?.seq;
        const answer = await request(`POST /v1/interactions/:interaction/commands`, column, fixture, body);
        actual[column] = answer.status;
        if (answer.status >= 400) expect(t.gateway.store.getInteraction(fixture.interactionId)?.seq).toBe(before);
      }
      await fixtures.release(fixture);
      expect(actual).toEqual(Object.fromEntries(PRINCIPALS.map((column, index) => [column, expected[index]])));
    },
  );

  it('agent stream: hello and command frames follow the same table; events only reach those involved', async () => {
    const fixture = await fixtures.build('offered');
    const agentToken = await tokenOf(fixture.agentId);
    const hello = async (token: string | undefined) => {
      const stream = await openStream(t.url);
      stream.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, ...(token === undefined ? {} : { token }) });
      const outcome = await stream.waitFor((frame) => frame.type === 'snapshot').then(
        () => 'snapshot',
        async () => `closed ${(await stream.waitForClose()).code}`,
      );
      cells += 1;
      return { stream, outcome };
    };
    const tokenFor = async (column: PrincipalColumn) =>
      column === 'none' ? undefined : column === 'expired' ? expiredToken(fixture.agentId) : column === 'tampered' ? tamperedToken(agentToken) : tokenOf(agentOf(column, fixture));
    const opened = {} as Record<PrincipalColumn, Awaited<ReturnType<typeof hello>>>;
    for (const column of PRINCIPALS) opened[column] = await hello(await tokenFor(column));
    const signedIn = PRINCIPALS.filter((column) => column !== 'none' && column !== 'expired' && column !== 'tampered');
    try {
      expect(Object.fromEntries(PRINCIPALS.map((column) => [column, opened[column].outcome]))).toEqual({
        none: 'closed 4400',
        expired: 'closed 4401',
        tampered: 'closed 4401',
        ...Object.fromEntries(signedIn.map((column) => [column, 'snapshot'])),
      });
      // Every command type from someone else is forbidden before its state is even looked at.
      for (const [command] of COMMANDS) {
        const body = typeof command === 'function' ? command(fixture) : command;
        for (const column of signedIn.filter((column) => column !== 'handling')) {
          const id = `${column}-${body.type}`;
          opened[column].stream.send({ type: 'command', id, command: { ...body, interactionId: fixture.interactionId } });
          const result = await opened[column].stream.waitFor((frame) => frame.type === 'command.result' && frame.id === id);
          expect({ id, result }).toMatchObject({ id, result: { ok: false, error: { code: 'forbidden' } } });
          cells += 1;
        }
      }
      opened.handling.stream.send({ type: 'command', id: 'accept', command: { type: 'accept', interactionId: fixture.interactionId } });
      expect(await opened.handling.stream.waitFor((frame) => frame.type === 'command.result' && frame.id === 'accept')).toMatchObject({ ok: true });
      // Accepting the transfer closes the previous interaction: its agents hear that, not the new interaction's events.
      await opened.supervisor.stream.waitFor((frame) => frame.type === 'event' && frame.event.type === 'interaction.accepted' && frame.interaction?.id === fixture.interactionId);
      await opened.supervisor.stream.waitFor((frame) => frame.type === 'event' && frame.event.type === 'interaction.closed' && frame.interaction?.id === fixture.previousInteractionId);
      // A ping answered means every frame sent before it has arrived.
      for (const column of signedIn) {
        opened[column].stream.send({ type: 'ping', at: 7 });
        await opened[column].stream.waitFor((frame) => frame.type === 'pong' && frame.at === 7);
      }
      const saw = (column: PrincipalColumn, interactionId: string) =>
        opened[column].stream.frames.some((frame) => frame.type === 'event' && (frame as EventFrame).interaction?.id === interactionId);
      expect(Object.fromEntries(signedIn.map((column) => [column, { current: saw(column, fixture.interactionId), previous: saw(column, fixture.previousInteractionId) }]))).toEqual({
        unrelated: { current: false, previous: false },
        'same-queue': { current: false, previous: false },
        offered: { current: false, previous: true },
        'handled-before': { current: false, previous: true },
        'transferred-away': { current: false, previous: true },
        handling: { current: true, previous: false },
        supervisor: { current: true, previous: true },
      });

      // No hello at all: closed with 4401 once the 10 s are up.
      const silent = await openStream(t.url);
      t.timerClock.advance(10_000);
      expect((await silent.waitForClose()).code).toBe(4401);
    } finally {
      for (const { stream } of Object.values(opened)) await stream.close();
      await fixtures.release(fixture);
    }
  });
});

describe('access control: forged tokens and production mode', () => {
  it('refuses a token signed with another key, with alg none, or with a changed payload', async () => {
    const t = await startTestGateway();
    try {
      const valid = (await t.signIn('agent-ada')).token;
      const [header, payload] = valid.split('.') as [string, string, string];
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      const otherKey = (await (await import('../../auth/agent-tokens')).createAgentTokens('another-secret-that-is-32-characters-long!', t.timerClock).issue({ id: 'agent-ada', role: 'agent', displayName: 'Ada' })).token;
      for (const token of [none, otherKey, tamperedToken(valid), `${header}.${payload}.${'A'.repeat(43)}`, `${valid}x`, 'Bearer', '']) {
        const answer = await rawHttp(t.url, { method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${token}` } });
        expect({ token, status: answer.status }).toEqual({ token, status: 401 });
      }
      expect((await rawHttp(t.url, { method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('mounts no development endpoint in production', async () => {
    const t = await startTestGateway({ devMode: false });
    try {
      const routes: Array<[string, string, unknown]> = [
        ['GET', '/v1/auth/dev-agents', undefined],
        ['POST', '/v1/auth/dev-token', { agentId: 'agent-ada' }],
        ['PUT', `/v1/dev/telephony/numbers/${encodeURIComponent(ANSWERING_NUMBER)}`, { behaviour: { kind: 'busy' } }],
        ['POST', '/v1/dev/clock/advance', { milliseconds: 1 }],
      ];
      for (const [method, path, body] of routes) {
        const answer = await rawHttp(t.url, { method, path, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      }
    } finally {
      await t.close();
    }
  });
});

describe('access control: webhook signatures', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ adapter: createPushVendorAdapter() });
  });
  afterAll(async () => {
    await t.close();
  });

  const body = '{"kind":"presence","agent":"agent-grace","status":"available"}';
  // The body sent is the signed one unless a case says otherwise (every row has all five cells: jest would pass `done` for a missing one).
  type Case = [name: string, status: number, code: string | undefined, headers: (now: number) => Record<string, string>, sentBody: string | undefined];
  const signed = (secret: string, timestamp: number, payload = body) => signWebhook(secret, timestamp, payload);
  const CASES: Case[] = [
    ['valid',                                200, undefined,           (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now), 'x-icc-delivery-id': 'd-valid' }), undefined],
    ['same delivery id again (replay)',      409, 'replayed_event',    (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now), 'x-icc-delivery-id': 'd-valid' }), undefined],
    ['wrong secret',                         401, 'invalid_signature', (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': signed('not-the-webhook-secret', now), 'x-icc-delivery-id': 'd-wrong' }), undefined],
    ['body changed after signing',           401, 'invalid_signature', (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now), 'x-icc-delivery-id': 'd-changed' }), body.replace('available', 'away')],
    ['timestamp changed after signing',      401, 'invalid_signature', (now) => ({ 'x-icc-timestamp': String(now + 1), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now), 'x-icc-delivery-id': 'd-moved' }), undefined],
    ['stale timestamp (301 s old)',          401, 'stale_signature',   (now) => ({ 'x-icc-timestamp': String(now - 301), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now - 301), 'x-icc-delivery-id': 'd-stale' }), undefined],
    ['timestamp 301 s in the future',        401, 'stale_signature',   (now) => ({ 'x-icc-timestamp': String(now + 301), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now + 301), 'x-icc-delivery-id': 'd-future' }), undefined],
    ['no signature',                         401, 'invalid_signature', (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-delivery-id': 'd-unsigned' }), undefined],
    ['no delivery id',                       400, 'validation_failed', (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': signed(TEST_WEBHOOK_SECRET, now) }), undefined],
    ['secret rotation: old and new listed',  200, undefined,           (now) => ({ 'x-icc-timestamp': String(now), 'x-icc-signature': `${signed('the-previous-webhook-secret', now)}, ${signed(TEST_WEBHOOK_SECRET, now)}`, 'x-icc-delivery-id': 'd-rotated' }), undefined],
  ];

  it.each(CASES)('%s → %i %s', async (_name, status, code, headers, sentBody) => {
    const now = Math.floor(t.timerClock.now() / 1000);
    const answer = await rawHttp(t.url, { method: 'POST', path: '/v1/vendors/pushy/events', headers: { 'content-type': 'application/json', ...headers(now) }, body: sentBody ?? body });
    expect({ status: answer.status, code: (answer.json as { code?: string }).code }).toEqual({ status, code });
  });
});
