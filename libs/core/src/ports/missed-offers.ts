import type { IccEvent, Interaction, MissedOffer, MissedOfferCount, MissedOfferReason, MissedOffersPage } from '@icc/protocol';

/** What `EventStore.missedOffers` selects; instants as epoch ms, `from` inclusive, `to` exclusive. */
export interface MissedOffersFilter {
  agentId?: string | undefined;
  queueId?: string | undefined;
  reason?: MissedOfferReason | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  limit: number;
}

/**
 * The record an `interaction.offer-declined` leaves when the agent missed or rejected the offer;
 * `offered` is the interaction before the event (the queue it was offered from).
 */
export function missedOfferOf(event: IccEvent, offered: Interaction | undefined): MissedOffer | undefined {
  if (event.type !== 'interaction.offer-declined' || event.cause === 'agent-unavailable' || !offered) return undefined;
  return {
    seq: event.seq,
    at: event.at,
    agentId: event.agentId,
    queueId: offered.queueId,
    interactionId: event.interactionId,
    callbackId: event.callbackId,
    reason: event.cause,
  };
}

export function matchesMissedOffersFilter(offer: MissedOffer, filter: MissedOffersFilter): boolean {
  const atMs = Date.parse(offer.at);
  return (
    (filter.agentId === undefined || offer.agentId === filter.agentId) &&
    (filter.queueId === undefined || offer.queueId === filter.queueId) &&
    (filter.reason === undefined || offer.reason === filter.reason) &&
    (filter.fromMs === undefined || atMs >= filter.fromMs) &&
    (filter.toMs === undefined || atMs < filter.toMs)
  );
}

/** Newest first, at most `limit`, with per-agent and per-queue totals over every match (ids ascending). */
export function pageOfMissedOffers(all: readonly MissedOffer[], filter: MissedOffersFilter): MissedOffersPage {
  const matching = all.filter((offer) => matchesMissedOffersFilter(offer, filter)).sort((a, b) => b.seq - a.seq);
  return {
    items: matching.slice(0, filter.limit),
    totals: { byAgent: countBy(matching, (offer) => offer.agentId), byQueue: countBy(matching, (offer) => offer.queueId) },
  };
}

function countBy(offers: readonly MissedOffer[], key: (offer: MissedOffer) => string): MissedOfferCount[] {
  const counts = new Map<string, MissedOfferCount>();
  for (const offer of offers) {
    const id = key(offer);
    const count = counts.get(id) ?? { id, timeout: 0, rejected: 0 };
    count[offer.reason] += 1;
    counts.set(id, count);
  }
  return [...counts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
