import { IccError, InvalidTransitionError } from '@icc/core';
import type { Interaction, NewIccEvent } from '@icc/protocol';
import type { Running } from './genesys-adapter-running';
import type { GenesysOffer } from './genesys-callback-progress';
import type { GenesysAdapterConfig } from './genesys-config';
import type { GenesysCallbackRecord } from './genesys-callback-record';

export type CommandTarget = ReturnType<typeof commandTarget>;

/** An agent's command on a callback linked to its conversation. */
export function commandTarget(current: Running, config: GenesysAdapterConfig, record: GenesysCallbackRecord, agentId: string, userId: string, type: string) {
  const conversationId = record.vendorRef;
  if (conversationId === undefined) throw new IccError('vendor_unavailable', `Interaction ${record.interactionId} is not linked to a Genesys conversation yet; try again shortly`);
  const known = current.interactions.interaction(record.interactionId) as Interaction;
  /** The interaction as ICC knows it now (it may have moved on while a request was out). */
  const view = (): Interaction => current.interactions.interaction(record.interactionId) ?? { ...known, state: 'closed' };
  const refused = () => new InvalidTransitionError(view().state, type, view().mode);
  return {
    current,
    config,
    record,
    conversationId,
    agentId,
    userId,
    view,
    refused,
    ids: { interactionId: record.interactionId, callbackId: record.callbackId },
    at: () => new Date(current.context.clock.now()).toISOString(),
    emitWhen: (decide: () => NewIccEvent[]) => current.emitter.emitWhen(decide),
    /** The latest offer of the conversation to this agent's user with that outcome. */
    offer(outcome: GenesysOffer['outcome']): GenesysOffer {
      const offer = (record.progress?.offers ?? []).findLast((candidate) => candidate.userId === userId && candidate.outcome === outcome);
      if (!offer) throw refused();
      return offer;
    },
  };
}
