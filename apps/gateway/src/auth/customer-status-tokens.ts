import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The per-callback token of the customer status page. It is an HMAC-SHA256 of the callback id under
 * a key derived from the gateway's secret, so nothing needs storing (not even a hash) and a token
 * for one callback says nothing about another; checks compare in constant time.
 */
export interface CustomerStatusTokens {
  issue(callbackId: string): string;
  matches(callbackId: string, token: string): boolean;
}

export function createCustomerStatusTokens(secret: string): CustomerStatusTokens {
  const key = createHmac('sha256', secret).update('icc customer status token v1').digest();
  const tokenFor = (callbackId: string) => createHmac('sha256', key).update(callbackId).digest();
  return {
    issue: (callbackId) => tokenFor(callbackId).toString('base64url'),
    matches(callbackId, token) {
      const given = Buffer.from(token, 'base64url');
      const expected = tokenFor(callbackId);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
