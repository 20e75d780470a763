import { systemClock, silentLogger } from '@icc/core';
import { exampleCustomer, type CommandResultFrame, type EventFrame, type ServerFrame, type SnapshotFrame } from '@icc/protocol';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@icc/store-postgres/testing';
import { openStream, type StreamClient } from '../__tests__/stream-client';
import { startTestGateway, TEST_JWT_SECRET, type TestGateway as TestGatewayOf } from '../__tests__/test-gateway';
import type { GatewayStore } from '../composition/create-gateway';

type TestGateway = TestGatewayOf<GatewayStore>;

jest.setTimeout(120_000);

const LEASE_TTL_MS = 1_500;
const isEvent = (frame: ServerFrame): frame is EventFrame => frame.type === 'event';
const request = (shortDescription: string, phoneNumber: string) => ({
  queueId: 'callbacks-af',
  customer: exampleCustomer({ phoneNumbers: [phoneNumber] }),
  reason: { code: 'product-issue' as const },
  shortDescription,
});

interface ClusterStatusBody {
  instance: string;
  role: 'owner' | 'follower';
  owner: string | null;
  leaseToken: number | null;
}

async function clusterStatus(gateway: TestGateway): Promise<ClusterStatusBody> {
  const response = await fetch(`${gateway.url}/clusterz`);
  expect(response.status).toBe(200);
  return (await response.json()) as ClusterStatusBody;
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/*
 * Two gateways in this process over one throwaway PostgreSQL, on real time: one runs the ACD, the
 * other forwards to it and fans the shared log out to its own agents; when the owner stops, the
 * other takes over from the log and its agents carry on. (Killed and paused processes:
 * src/__tests__/cluster.)
 */
describe('a cluster of two gateways', () => {
  let postgres: ThrowawayPostgres;
  const gateways: TestGateway[] = [];
  const streams: StreamClient[] = [];
  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
  });
  afterAll(() => postgres?.stop());
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.close()));
    await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  });

  const startGateway = async (storeUrl: string) => {
    const gateway = await startTestGateway<GatewayStore>({
      store: undefined,
      storeUrl,
      fakeClock: undefined,
      timerClock: systemClock,
      logger: silentLogger,
      jwtSecret: TEST_JWT_SECRET,
      cluster: { leaseTtlMs: LEASE_TTL_MS },
    });
    gateways.push(gateway);
    return gateway;
  };
  const ownerOf = (gateway: TestGateway) =>
    eventually(async () => {
      const status = await clusterStatus(gateway);
      return status.role === 'owner' ? status : undefined;
    }, `${gateway.url} to run the ACD`);

  it('runs the ACD on one gateway, serves agents on both, and hands over when the owner stops', async () => {
    const storeUrl = await postgres.createDatabase('icc_cluster_two');
    const first = await startGateway(storeUrl);
    const firstTerm = await ownerOf(first);
    const second = await startGateway(storeUrl);
    expect(await clusterStatus(second)).toMatchObject({ role: 'follower', owner: first.url, leaseToken: firstTerm.leaseToken });

    // Everything through the follower: presence, intake and the agent's commands reach the owner's ACD.
    const ada = await second.signIn('agent-ada');
    await ada.setPresence('agent-ada', 'available');
    const stream = await openStream(second.url);
    streams.push(stream);
    stream.hello(ada.token);
    await stream.waitFor<SnapshotFrame>((frame) => frame.type === 'snapshot');
    const { callback } = await second.anonymous.createCallback(request('Router keeps dropping', '+14155550142'), { idempotencyKey: 'cluster-1' });
    const offered = await stream.waitFor<EventFrame>((frame) => isEvent(frame) && frame.event.type === 'interaction.offered' && frame.interaction?.id === callback.interactionId);
    expect(offered.interaction).toMatchObject({ agentId: 'agent-ada', state: 'offered' });
    stream.send({ type: 'command', id: 'accept-1', command: { type: 'accept', interactionId: callback.interactionId } });
    const accepted = await stream.waitFor<CommandResultFrame>((frame) => frame.type === 'command.result' && frame.id === 'accept-1');
    expect(accepted).toMatchObject({ ok: true, interaction: { state: 'previewing' } });

    // The owner stops: the follower takes the lease (a new token) and restores the ACD from the log.
    await first.close();
    gateways.splice(gateways.indexOf(first), 1);
    const secondTerm = await ownerOf(second);
    expect(secondTerm.leaseToken).toBeGreaterThan(firstTerm.leaseToken ?? 0);
    stream.send({ type: 'command', id: 'dial-1', command: { type: 'dial', interactionId: callback.interactionId, phoneNumber: '+14155550142' } });
    const dialed = await stream.waitFor<CommandResultFrame>((frame) => frame.type === 'command.result' && frame.id === 'dial-1');
    expect(dialed).toMatchObject({ ok: true, interaction: { state: 'dialing' } });

    // The stream saw every event of the callback once, in order, across the takeover.
    const seqs = stream.frames.filter(isEvent).map((frame) => frame.event.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const sam = await second.signIn('supervisor-sam');
    const log = (await sam.listCallbackEvents(callback.id)).map((event) => event.type);
    expect(log.filter((type) => type === 'interaction.offered')).toHaveLength(1);
    expect(log).toEqual(expect.arrayContaining(['interaction.created', 'interaction.offered', 'interaction.accepted', 'interaction.dialing']));
  });

  it('answers 503 owner_unavailable with Retry-After while the gateway running the ACD cannot be reached', async () => {
    const storeUrl = await postgres.createDatabase('icc_cluster_unreachable');
    const first = await startGateway(storeUrl);
    await ownerOf(first);
    const second = await startGateway(storeUrl);
    // The owner keeps renewing its lease, but no gateway can reach it any more.
    first.gateway.server.close();
    first.gateway.server.closeAllConnections();
    const response = await fetch(`${second.url}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request('While the owner is cut off', '+14155550143')),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ code: 'owner_unavailable', message: expect.stringContaining(first.url) });
    expect(await clusterStatus(second)).toMatchObject({ role: 'follower', owner: first.url });
  });

  it('refuses the internal hop without a cluster token', async () => {
    const storeUrl = await postgres.createDatabase('icc_cluster_hop_auth');
    const first = await startGateway(storeUrl);
    await ownerOf(first);
    const call = { operation: 'setPresence', agentId: 'agent-ada', presence: 'available' };
    const anonymous = await fetch(`${first.url}/internal/v1/acd`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call) });
    expect(anonymous.status).toBe(401);
    const { token: agentToken } = await first.anonymous.devSignIn('agent-ada');
    const withAgentToken = await fetch(`${first.url}/internal/v1/acd`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
      body: JSON.stringify(call),
    });
    expect(withAgentToken.status).toBe(401);
    expect(await withAgentToken.json()).toMatchObject({ code: 'unauthorized' });
  });
});
