import { allowedControls } from '@icc/core';
import { exampleCapabilities, exampleInteraction } from '@icc/protocol';
import { Offer } from '../contract/offer-context';
import { mapInteractionToOffer } from './map-interaction-to-offer';

const OFFERED = exampleInteraction({
  state: 'offered',
  agentId: 'agent-ada',
  offeredAt: '2026-03-10T14:06:00Z',
  offerExpiresAt: '2026-03-10T14:06:30Z',
});
const MANUAL = { dialMethod: { type: 'manual' as const } };

describe('mapInteractionToOffer', () => {
  it('offers an agent-first callback as a "callback request" with documented time formats', () => {
    const offer = mapInteractionToOffer(OFFERED, allowedControls(OFFERED, MANUAL, exampleCapabilities()));
    expect(Offer.safeParse(offer).error).toBeUndefined();
    expect(offer).toEqual({
      nowRecordTable: 'interaction',
      nowRecordId: 'ix-0001',
      externalId: 'ix-0001',
      type: 'callback request',
      queueId: 'q-support',
      requesterId: '+14155552671',
      creationTime: '2026-03-10T14:05:00',
      description: OFFERED.card.shortDescription,
      displayContent: { title: 'Callback', displayContent1: 'Maya Lindqvist', displayContent2: 'Support', displayContent3: OFFERED.card.reasonLabel },
      assignment: { allowedToDecline: true, enableAutoAssign: false, offeredOn: 'Tue, 10 Mar 2026 14:06:00 GMT', timeout: '30000' },
    });
  });

  it('offers a customer-first callback as a call, declinable only when ICC allows reject', () => {
    const inbound = { ...OFFERED, mode: 'customer-first' as const, customerOnLine: true };
    const offer = mapInteractionToOffer(inbound, new Set());
    expect(offer.type).toBe('call');
    expect(offer.displayContent?.['title']).toBe('Inbound call');
    expect(offer.assignment.allowedToDecline).toBe(false);
  });
});
