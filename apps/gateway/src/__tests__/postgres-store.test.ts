import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIccRestClient, type IccRestClient } from '@icc/client';
import { exampleCustomer, type CommandResultFrame, type EventFrame, type ServerFrame, type SnapshotFrame, type WelcomeFrame } from '@icc/protocol';
import { freePort, queryDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '@icc/store-postgres/testing';
import { spawnGateway, type GatewayProcess } from './gateway-process';
import { openStream, type StreamClient } from './stream-client';

jest.setTimeout(180_000);

const JWT_SECRET = 'postgres-gateway-test-secret-of-32-chars';
const CUSTOMER_NUMBER = '+14155550142';
const request = (shortDescription: string) => ({
  queueId: 'callbacks-af',
  customer: exampleCustomer({ phoneNumbers: [CUSTOMER_NUMBER] }),
  reason: { code: 'product-issue' as const },
  shortDescription,
});
const isEvent = (frame: ServerFrame): frame is EventFrame => frame.type === 'event';

/*
 * The gateway process as production runs it (main.ts, configuration from the environment) with
 * ICC_STORE naming a database on a throwaway PostgreSQL 15 cluster: callbacks, an agent working
 * one over the stream, a restart on the same database, and everything is still there and resumes.
 */
describe('the gateway on PostgreSQL (ICC_STORE=postgres://…)', () => {
  let server: ThrowawayPostgres;
  let dataDir: string;
  const processes: GatewayProcess[] = [];
  const streams: StreamClient[] = [];
  beforeAll(async () => {
    server = await startThrowawayPostgres();
  });
  afterAll(() => server?.stop());
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'icc-gateway-postgres-'));
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.close()));
    for (const running of processes.splice(0)) {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
      await running.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (storeUrl: string) => {
    const running = await spawnGateway({
      ICC_STORE: storeUrl,
      ICC_DATA_DIR: dataDir,
      ICC_JWT_SECRET: JWT_SECRET,
      ICC_FAKE_CLOCK: '2026-03-10T09:00:00Z',
      ICC_INTAKE_RATE_PER_SECOND: '1000',
    });
    processes.push(running);
    return running;
  };
  const signIn = async (url: string, agentId: string): Promise<IccRestClient & { token: string }> => {
    const { token } = await createIccRestClient({ baseUrl: url }).devSignIn(agentId);
    return Object.assign(createIccRestClient({ baseUrl: url, getToken: () => token }), { token });
  };
  const stream = async (url: string, token: string, resumeFrom?: number) => {
    const client = await openStream(url);
    streams.push(client);
    client.hello(token, resumeFrom);
    return { client, welcome: await client.waitFor<WelcomeFrame>((frame) => frame.type === 'welcome') };
  };
  let commandIds = 0;
  const command = async (client: StreamClient, body: { type: string; interactionId: string; [field: string]: unknown }) => {
    const id = `c${++commandIds}`;
    client.send({ type: 'command', id, command: body });
    const result = await client.waitFor<CommandResultFrame>((frame) => frame.type === 'command.result' && frame.id === id);
    if (!result.ok) throw new Error(`${body.type} refused: ${result.error.code} ${result.error.message}`);
    return result.interaction;
  };
  const advance = async (url: string, milliseconds: number) => {
    const answer = await fetch(`${url}/v1/dev/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ milliseconds }) });
    expect(answer.status).toBe(200);
  };

  it('creates callbacks, lets an agent work one over the stream, and after a restart on the same database has all of it and resumes', async () => {
    const url = await server.createDatabase('icc_gateway_restart');
    const first = await start(url);
    expect(first.output()).toContain('"store":"postgres"');
    const telephony = await fetch(`${first.url}/v1/dev/telephony/numbers/${encodeURIComponent(CUSTOMER_NUMBER)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ behaviour: { kind: 'answer', afterSeconds: 4 } }),
    });
    expect(telephony.status).toBe(200);
    const ada = await signIn(first.url, 'agent-ada');
    await ada.setPresence('agent-ada', 'available');
    const intake = createIccRestClient({ baseUrl: first.url });
    const { callback: worked } = await intake.createCallback(request('Router keeps dropping'), { idempotencyKey: 'pg-first' });
    const { callback: waiting } = await intake.createCallback(request('Second router'), { idempotencyKey: 'pg-second' });

    const { client: adaStream } = await stream(first.url, ada.token);
    const snapshot = await adaStream.waitFor<SnapshotFrame>((frame) => frame.type === 'snapshot');
    expect(snapshot.interactions.map((view) => [view.id, view.state, view.agentId])).toEqual([[worked.interactionId, 'offered', 'agent-ada']]);
    expect((await command(adaStream, { type: 'accept', interactionId: worked.interactionId })).state).toBe('previewing');
    expect((await command(adaStream, { type: 'dial', interactionId: worked.interactionId, phoneNumber: CUSTOMER_NUMBER })).state).toBe('dialing');
    await advance(first.url, 4000);
    await adaStream.waitFor((frame) => isEvent(frame) && frame.event.type === 'interaction.customer-answered');
    expect((await command(adaStream, { type: 'end-call', interactionId: worked.interactionId })).state).toBe('wrap-up');
    const seenBeforeRestart = adaStream.frames.filter(isEvent).map((frame) => frame.event.seq);
    const lastSeen = Math.max(snapshot.seq, ...seenBeforeRestart);
    expect(seenBeforeRestart).toEqual([...seenBeforeRestart].sort((a, b) => a - b));
    // The events live in PostgreSQL, not in a SQLite file of the data directory.
    expect(readdirSync(dataDir).filter((name) => name.startsWith('icc.db'))).toEqual([]);
    const [{ head }] = (await queryDatabase<{ head: number }>(url, 'SELECT max(seq)::int AS head FROM events')) as [{ head: number }];
    expect(head).toBeGreaterThanOrEqual(lastSeen);

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = await start(url);
    const supervisor = await signIn(second.url, 'supervisor-sam');
    const stored = (await supervisor.listCallbacks({ limit: 200 })).items;
    expect(stored.map((callback) => [callback.id, callback.number]).sort()).toEqual(
      [
        [worked.id, worked.number],
        [waiting.id, waiting.number],
      ].sort(),
    );
    expect((await supervisor.getInteraction(worked.interactionId)).state).toBe('wrap-up');
    const timeline = (await supervisor.listCallbackEvents(worked.id)).map((event) => event.type);
    expect(timeline).toEqual(expect.arrayContaining(['interaction.created', 'interaction.offered', 'interaction.accepted', 'interaction.dialing', 'interaction.customer-answered']));
    // A retried request with the same key answers with the stored callback, never a second one.
    const retry = await createIccRestClient({ baseUrl: second.url }).createCallback(request('Router keeps dropping'), { idempotencyKey: 'pg-first' });
    expect(retry.callback.id).toBe(worked.id);

    // Ada resumes where her stream left off: nothing missed, nothing repeated, and the restored engine takes her wrap-up.
    const adaAgain = await signIn(second.url, 'agent-ada');
    const { client: resumed, welcome } = await stream(second.url, adaAgain.token, lastSeen);
    expect(welcome).toMatchObject({ resumed: true, headSeq: head });
    expect((await command(resumed, { type: 'submit-wrap-up', interactionId: worked.interactionId, wrapUp: { reason: 'resolved', notes: '' } })).state).toBe('closed');
    // Free again, she is offered the callback that waited through the restart.
    const offered = await resumed.waitFor<EventFrame>((frame) => isEvent(frame) && frame.event.type === 'interaction.offered' && frame.interaction?.id === waiting.interactionId);
    expect(offered.interaction).toMatchObject({ agentId: 'agent-ada', state: 'offered' });
    const resumedSeqs = resumed.frames.filter(isEvent).map((frame) => frame.event.seq);
    expect(resumedSeqs.every((seq) => seq > lastSeen)).toBe(true);
    expect(new Set(resumedSeqs).size).toBe(resumedSeqs.length);
    expect(resumedSeqs).toEqual([...resumedSeqs].sort((a, b) => a - b));

    // A supervisor resuming from the start gets the whole log, in order, without a gap.
    const { client: everything } = await stream(second.url, supervisor.token, 0);
    await everything.waitFor((frame) => isEvent(frame) && frame.event.seq === offered.event.seq);
    const all = everything.frames.filter(isEvent).map((frame) => frame.event.seq);
    expect(all.slice(0, offered.event.seq)).toEqual(Array.from({ length: offered.event.seq }, (_, index) => index + 1));
  });

  it.each([
    ['an unreachable server', async () => `postgres://postgres@127.0.0.1:${await freePort()}/icc`, /^The gateway failed to start: Cannot reach PostgreSQL at 127\.0\.0\.1:\d+ /m],
    ['a missing database', async () => server.url('icc_no_such_database'), /^The gateway failed to start: Database "icc_no_such_database" does not exist /m],
    ['a URL without a database', async () => `postgres://postgres@127.0.0.1:${server.port}`, /^The gateway failed to start: The PostgreSQL URL needs a host and a database/m],
  ])('refuses to start on %s, in one line', async (_case, storeUrl, message) => {
    const refused = await start(await storeUrl()).then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    expect(refused).toMatch(message);
    // One line, no stack trace.
    expect(refused).not.toMatch(/^\s+at /m);
    // Nothing fell back to SQLite.
    expect(existsSync(join(dataDir, 'icc.db'))).toBe(false);
  });
});
