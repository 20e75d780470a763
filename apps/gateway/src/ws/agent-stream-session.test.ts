import { exampleCustomer, PROTOCOL_VERSION, type ServerFrame } from '@icc/protocol';
import { startTestGateway, type TestGateway } from '../__tests__/test-gateway';
import { DEFAULT_AGENT_STREAM_SETTINGS } from './agent-stream-settings';
import { createAgentStreamSession } from './agent-stream-session';
import type { StreamSocket } from './stream-socket';

function createStubSocket() {
  const stub = {
    sent: [] as ServerFrame[],
    closedWith: undefined as { code: number; reason: string } | undefined,
    bufferedAmount: 0,
    send(text: string) {
      stub.sent.push(JSON.parse(text) as ServerFrame);
    },
    close(code: number, reason: string) {
      stub.closedWith = { code, reason };
    },
    terminate() {
      stub.closedWith = { code: 1006, reason: 'terminated' };
    },
  };
  return stub satisfies StreamSocket;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('agent stream session', () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it('closes a slow consumer with 4000 once its send buffer passes the cap', async () => {
    const supervisor = await t.signIn('supervisor-sam');
    const socket = createStubSocket();
    const session = createAgentStreamSession(socket, t.gateway.services, { ...DEFAULT_AGENT_STREAM_SETTINGS, maxBufferedBytes: 1000 });
    session.receive(JSON.stringify({ type: 'hello', token: supervisor.token, protocolVersion: PROTOCOL_VERSION }));
    await until(() => socket.sent.some((frame) => frame.type === 'snapshot'));

    await t.anonymous.createCallback({
      queueId: 'callbacks-af',
      customer: exampleCustomer(),
      reason: { code: 'other-issue' },
      shortDescription: 'First',
    });
    expect(socket.sent.some((frame) => frame.type === 'event')).toBe(true);
    expect(socket.closedWith).toBeUndefined();

    socket.bufferedAmount = 1001;
    const sentBefore = socket.sent.length;
    await t.anonymous.createCallback({
      queueId: 'callbacks-af',
      customer: exampleCustomer(),
      reason: { code: 'other-issue' },
      shortDescription: 'Second',
    });
    expect(socket.closedWith?.code).toBe(4000);
    expect(socket.sent).toHaveLength(sentBefore);
    session.closed();
  });

  it('resumes without losing or repeating what is appended while it reads the log', async () => {
    const supervisor = await t.signIn('supervisor-sam');
    const create = (shortDescription: string) =>
      t.anonymous.createCallback({ queueId: 'callbacks-af', customer: exampleCustomer(), reason: { code: 'other-issue' }, shortDescription });
    await create('Before the resume');
    const { store } = t.gateway.services;
    let appendedMeanwhile = false;
    // The replay's last read finds nothing new; a callback is committed and published right then, before the stream is live.
    const racing: typeof store = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'readAfter') return Reflect.get(target, property, receiver) as unknown;
        return async (afterSeq: number, limit: number) => {
          const batch = await target.readAfter(afterSeq, limit);
          if (batch.length === 0 && !appendedMeanwhile) {
            appendedMeanwhile = true;
            await create('During the resume');
          }
          return batch;
        };
      },
    });
    const socket = createStubSocket();
    const session = createAgentStreamSession(socket, { ...t.gateway.services, store: racing }, DEFAULT_AGENT_STREAM_SETTINGS);
    session.receive(JSON.stringify({ type: 'hello', token: supervisor.token, protocolVersion: PROTOCOL_VERSION, resumeFrom: 0 }));
    const head = async () => store.headSeq();
    await until(() => appendedMeanwhile);
    const last = await head();
    const seqs = () => socket.sent.flatMap((frame) => (frame.type === 'event' ? [frame.event.seq] : []));
    await until(() => seqs().includes(last));
    expect(seqs()).toEqual(Array.from({ length: last }, (_, index) => index + 1));
    session.closed();
  });

  it('refuses commands before hello', async () => {
    const socket = createStubSocket();
    const session = createAgentStreamSession(socket, t.gateway.services, DEFAULT_AGENT_STREAM_SETTINGS);
    session.receive(JSON.stringify({ type: 'command', id: 'x', command: { type: 'accept', interactionId: 'i-1' } }));
    await until(() => socket.sent.length > 0);
    expect(socket.sent[0]).toMatchObject({ type: 'command.result', id: 'x', ok: false, error: { code: 'unauthorized' } });
    session.close(1000, 'done');
  });
});
