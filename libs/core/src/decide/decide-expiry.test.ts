import { exampleInteraction, type InteractionState } from '@icc/protocol';
import { decideExpiry, isExpiryArmed } from './decide-expiry';

const EXPIRE_AT = '2026-03-10T18:00:00.000Z';
const AT_EXPIRY = Date.parse(EXPIRE_AT);

describe('decideExpiry', () => {
  it.each<InteractionState>(['scheduled', 'queued', 'no-answer', 'retry-wait'])('closes a %s callback as expired at its expire time', (state) => {
    expect(decideExpiry(exampleInteraction({ state, expireAt: EXPIRE_AT }), AT_EXPIRY)).toEqual({
      type: 'interaction.closed',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T18:00:00.000Z',
      outcome: 'expired',
      by: 'system',
      detail: 'Expire time passed before the customer was reached',
    });
  });

  it('does nothing before the expire time', () => {
    expect(decideExpiry(exampleInteraction({ expireAt: EXPIRE_AT }), AT_EXPIRY - 1)).toBeUndefined();
  });

  it('does nothing without an expire time', () => {
    expect(decideExpiry(exampleInteraction(), AT_EXPIRY)).toBeUndefined();
  });

  it.each<InteractionState>(['offered', 'previewing', 'transferring', 'dialing', 'connected', 'on-hold', 'wrap-up', 'closed'])(
    'leaves a %s interaction alone',
    (state) => {
      expect(decideExpiry(exampleInteraction({ state, expireAt: EXPIRE_AT }), AT_EXPIRY + 60_000)).toBeUndefined();
    },
  );

  it('leaves a customer waiting on the line for an agent alone', () => {
    const waiting = exampleInteraction({ mode: 'customer-first', state: 'queued', customerOnLine: true, expireAt: EXPIRE_AT });
    expect(decideExpiry(waiting, AT_EXPIRY)).toBeUndefined();
  });
});

describe('isExpiryArmed', () => {
  it('is armed for a queued callback with an expire time, not for one without', () => {
    expect(isExpiryArmed(exampleInteraction({ expireAt: EXPIRE_AT }))).toBe(true);
    expect(isExpiryArmed(exampleInteraction())).toBe(false);
  });

  it('is not armed while an agent has it in preview', () => {
    expect(isExpiryArmed(exampleInteraction({ state: 'previewing', expireAt: EXPIRE_AT }))).toBe(false);
  });
});
