import { ICC_WORK_ITEM_KEYS } from './icc-work-item-keys';

describe('ICC_WORK_ITEM_KEYS', () => {
  // The names are on the wire (vendors' flows, scripts and reports read them): renaming one breaks deployments.
  it('keeps the published attribute names', () => {
    expect(ICC_WORK_ITEM_KEYS).toEqual({ callbackId: 'iccCallbackId', interactionId: 'iccInteractionId', callbackNumber: 'iccCallbackNumber' });
  });

  it('uses only characters every vendor accepts in an attribute key (Connect: alphanumeric, dash, underscore)', () => {
    for (const key of Object.values(ICC_WORK_ITEM_KEYS)) expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
