import { createFakeClock } from '@icc/core';
import { exampleCustomer, type Interaction } from '@icc/protocol';
import { createAgentTokens } from '../../auth/agent-tokens';
import { TEST_JWT_SECRET, TEST_START, type TestGateway } from '../test-gateway';
import { rawHttp } from './raw-http';

/**
 * Who calls: the columns of the access matrix. Beyond the token cases, one column per relationship
 * of docs/api.md, each an agent whose history with the fixture's callback makes it so.
 */
export const PRINCIPALS = ['none', 'expired', 'tampered', 'unrelated', 'same-queue', 'offered', 'handled-before', 'transferred-away', 'handling', 'supervisor'] as const;
export type PrincipalColumn = (typeof PRINCIPALS)[number];

export const ANSWERING_NUMBER = '+14155550100';
export const BUSY_NUMBER = '+14155550103';
/** Offline for the whole run: a callback transferred to this agent waits for them. */
export const ABSENT_AGENT = 'agent-alan';
/** In every demo queue, never involved with a fixture. */
export const SAME_QUEUE_AGENT = 'agent-grace';
/** In no queue at all (the matrix seeds them). */
export const UNRELATED_AGENT = 'agent-outsider';

export type FixtureState = 'offered' | 'previewing' | 'no-answer' | 'connected' | 'muted' | 'recording' | 'on-hold' | 'consulting' | 'transferring' | 'wrap-up';

export interface AccessFixture {
  callbackId: string;
  /** The callback's current interaction, the one `agentId` holds. */
  interactionId: string;
  /** The interaction the callback was transferred from. */
  previousInteractionId: string;
  /** The agent the interaction is offered to / handled by. */
  agentId: string;
  /** On the previous interaction: declined the offer; accepted it, then rescheduled it; accepted it, then transferred the callback to `agentId`. */
  offeredAgentId: string;
  handledBeforeAgentId: string;
  transferredAwayAgentId: string;
  /** A free agent, for transfer-call and consult-call. */
  freeAgentId: string;
  /** Every agent the fixture made available: set away again when it is released. */
  agentIds: string[];
}

/** A token for `agentId` that expired an hour ago (same key, honest signature). */
export async function expiredToken(agentId: string): Promise<string> {
  const thirteenHoursAgo = createFakeClock(Date.parse(TEST_START) - 13 * 3600_000);
  return (await createAgentTokens(TEST_JWT_SECRET, thirteenHoursAgo).issue({ id: agentId, role: 'agent', displayName: agentId })).token;
}

/** A valid agent token whose payload was rewritten to claim the supervisor, signature kept. */
export function tamperedToken(validAgentToken: string): string {
  const [header, payload, signature] = validAgentToken.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'supervisor-sam', role: 'supervisor' })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

/**
 * Builds fresh interactions in a given state, each offered to a fleet agent of its own (only that
 * agent is free when the callback arrives; it is set away again when the cell is done).
 */
export function createAccessFixtures(t: TestGateway, fleet: readonly string[], tokenOf: (agentId: string) => Promise<string>) {
  let next = 0;
  const takeAgent = () => {
    const agentId = fleet[next++];
    if (!agentId) throw new Error('the access matrix ran out of fleet agents');
    return agentId;
  };
  const call = async (agentId: string, method: string, path: string, body?: unknown) => {
    const answer = await rawHttp(t.url, {
      method,
      path,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(agentId)}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`fixture step ${method} ${path} failed: ${answer.status} ${answer.body}`);
    return answer.json;
  };
  const command = (agentId: string, interactionId: string, body: unknown) =>
    call(agentId, 'POST', `/v1/interactions/${interactionId}/commands`, body) as Promise<Interaction>;

  return {
    /** `withFreeAgent`: also make `freeAgentId` available (it would take any callback routed meanwhile). */
    async build(state: FixtureState, withFreeAgent = false): Promise<AccessFixture> {
      const available = (id: string) => call(id, 'PUT', `/v1/agents/${id}/presence`, { presence: 'available' });
      const away = (id: string) => call(id, 'PUT', `/v1/agents/${id}/presence`, { presence: 'away' });
      // The history: offered to one agent who declines, accepted and rescheduled by a second, accepted
      // by a third who transfers the callback to `agentId`, who gets it as a new interaction.
      const offeredAgentId = takeAgent();
      await available(offeredAgentId);
      const created = (await t.anonymous.createCallback({
        queueId: 'callbacks-af',
        customer: exampleCustomer({ phoneNumbers: [ANSWERING_NUMBER, BUSY_NUMBER] }),
        reason: { code: 'billing-issue' },
        shortDescription: `Access matrix (${state})`,
      })).callback;
      const previousInteractionId = created.interactionId;
      await command(offeredAgentId, previousInteractionId, { type: 'reject' });
      await away(offeredAgentId);
      const handledBeforeAgentId = takeAgent();
      await available(handledBeforeAgentId);
      await command(handledBeforeAgentId, previousInteractionId, { type: 'accept' });
      await command(handledBeforeAgentId, previousInteractionId, { type: 'reschedule', start: new Date(t.clock.now() + 60_000).toISOString() });
      await away(handledBeforeAgentId);
      await t.advance(60_000);
      const transferredAwayAgentId = takeAgent();
      await available(transferredAwayAgentId);
      await command(transferredAwayAgentId, previousInteractionId, { type: 'accept' });
      const agentId = takeAgent();
      await command(transferredAwayAgentId, previousInteractionId, { type: 'transfer-callback', target: { kind: 'agent', agentId } });
      await away(transferredAwayAgentId);
      await available(agentId);
      const interactionId = t.gateway.store.getCallback(created.id)?.interactionId ?? previousInteractionId;
      if (interactionId === previousInteractionId) throw new Error('fixture: the transfer made no new interaction');
      let freeAgentId = takeAgent();
      const agentIds = [agentId, offeredAgentId, handledBeforeAgentId, transferredAwayAgentId];
      const reach = async (target: FixtureState): Promise<void> => {
        switch (target) {
          case 'offered':
            return;
          case 'previewing':
            await command(agentId, interactionId, { type: 'accept' });
            return;
          case 'no-answer':
            await reach('previewing');
            await command(agentId, interactionId, { type: 'dial', phoneNumber: BUSY_NUMBER });
            await t.advance(1000);
            return;
          case 'connected':
            await reach('previewing');
            await command(agentId, interactionId, { type: 'dial', phoneNumber: ANSWERING_NUMBER });
            await t.advance(1000);
            return;
          case 'muted':
            await reach('connected');
            await command(agentId, interactionId, { type: 'mute' });
            return;
          case 'recording':
            await reach('connected');
            await command(agentId, interactionId, { type: 'record-start' });
            return;
          case 'on-hold':
            await reach('connected');
            await command(agentId, interactionId, { type: 'hold' });
            return;
          case 'consulting': {
            await reach('connected');
            const consulted = freeAgentId;
            agentIds.push(consulted);
            await call(consulted, 'PUT', `/v1/agents/${consulted}/presence`, { presence: 'available' });
            await command(agentId, interactionId, { type: 'consult-call', agentId: consulted });
            freeAgentId = takeAgent();
            return;
          }
          case 'transferring':
            await reach('previewing');
            await command(agentId, interactionId, { type: 'transfer-callback', target: { kind: 'agent', agentId: ABSENT_AGENT } });
            return;
          case 'wrap-up':
            await reach('connected');
            await command(agentId, interactionId, { type: 'end-call' });
            return;
        }
      };
      await reach(state);
      const view = t.gateway.store.getInteraction(interactionId);
      const expected = state === 'muted' || state === 'recording' ? 'connected' : state === 'consulting' ? 'connected' : state;
      if (view?.state !== expected) throw new Error(`fixture for ${state} is ${view?.state ?? 'missing'}`);
      if (withFreeAgent) {
        agentIds.push(freeAgentId);
        await call(freeAgentId, 'PUT', `/v1/agents/${freeAgentId}/presence`, { presence: 'available' });
      }
      return { callbackId: created.id, interactionId, previousInteractionId, agentId, offeredAgentId, handledBeforeAgentId, transferredAwayAgentId, freeAgentId, agentIds };
    },
    /**
     * Cancels what is left of the fixture's callback (a rejected offer would wait in the queue) and
     * sets its agents away, so the next fixture's callback is offered to its own agent only.
     */
    async release(fixture: AccessFixture): Promise<void> {
      await call('supervisor-sam', 'POST', `/v1/callbacks/${fixture.callbackId}/cancel`, {}).catch(() => undefined);
      for (const agentId of fixture.agentIds) await call(agentId, 'PUT', `/v1/agents/${agentId}/presence`, { presence: 'away' });
    },
  };
}
