import type { AgentCommandType, Interaction } from '@icc/protocol';
import type { Offer } from '../contract/offer-context';
import { toOfferCreationTime, toRssTime } from '../contract/open-frame-time';

/** An offered interaction as an `offerContext` entry (c_openFrameAPI.md § setICContext › offerContext). */
export function mapInteractionToOffer(interaction: Interaction, allowed: ReadonlySet<AgentCommandType>): Offer {
  const { card } = interaction;
  const agentFirst = interaction.mode === 'agent-first';
  const timeoutMs =
    interaction.offeredAt && interaction.offerExpiresAt
      ? Math.max(0, Date.parse(interaction.offerExpiresAt) - Date.parse(interaction.offeredAt))
      : undefined;
  return {
    nowRecordTable: 'interaction',
    nowRecordId: interaction.id,
    externalId: interaction.id,
    type: agentFirst ? 'callback request' : 'call',
    queueId: interaction.queueId,
    // § offerContext.requesterId: "For voice, this value can be the phone number of the user."
    requesterId: card.phoneNumbers[0] ?? card.callbackNumber,
    creationTime: toOfferCreationTime(interaction.requestedAt),
    description: card.shortDescription,
    // Keys as in the page's offerContext example (title, displayContent1..3).
    displayContent: {
      title: agentFirst ? 'Callback' : 'Inbound call',
      displayContent1: card.customerName,
      displayContent2: card.queueName,
      displayContent3: card.reasonLabel,
    },
    assignment: {
      allowedToDecline: allowed.has('reject'),
      enableAutoAssign: false,
      ...(interaction.offeredAt ? { offeredOn: toRssTime(interaction.offeredAt) } : {}),
      ...(timeoutMs === undefined ? {} : { timeout: String(timeoutMs) }),
    },
  };
}
