import { IccError } from '@icc/core';
import { exampleCallback } from '@icc/protocol';
import { checkConnectRequest } from './testing/connect-model-contract';
import { convertToStartTaskContact } from './connect-convert-to-start-task-contact';

const settings = { instanceId: 'i-1', contactFlowId: 'flow-callback-task' };

describe('convertToStartTaskContact', () => {
  const callback = exampleCallback();

  it('starts a callback task with the ICC ids, the Connect queue for the flow and the callbackId as ClientToken; it dials nobody', () => {
    const input = convertToStartTaskContact({ callback, connectQueueId: 'queue-support', generation: 0 }, settings);
    expect(input).toMatchObject({ InstanceId: 'i-1', ContactFlowId: 'flow-callback-task', ClientToken: callback.id, Name: `Callback ${callback.number}` });
    expect(input.Attributes).toMatchObject({
      iccCallbackId: callback.id,
      iccInteractionId: callback.interactionId,
      iccCallbackNumber: callback.number,
      iccConnectQueueId: 'queue-support',
      iccCustomerPhoneNumber: callback.customer.phoneNumbers[0],
    });
    expect(input).not.toHaveProperty('ScheduledTime');
    expect(checkConnectRequest('StartTaskContact', input)).toEqual([]);
  });

  it("carries a scheduled start as ScheduledTime, and a reschedule's task gets its own ClientToken and the related contact", () => {
    const start = Date.parse('2030-01-02T09:00:00.000Z');
    const input = convertToStartTaskContact({ callback, connectQueueId: 'q', scheduledAt: start, generation: 2, relatedContactId: 'contact-1' }, settings);
    expect(input).toMatchObject({ ScheduledTime: new Date(start), ClientToken: `${callback.id}#2`, RelatedContactId: 'contact-1' });
  });

  it('maps attribute keys Connect refuses (dots) to ones it accepts: only alphanumerics, - and _', () => {
    const input = convertToStartTaskContact({ callback: { ...callback, attributes: { 'crm.ticket': 'T-1', 'order-id': 'A-9' } }, connectQueueId: 'q', generation: 0 }, settings);
    expect(input.Attributes).toMatchObject({ crm_ticket: 'T-1', 'order-id': 'A-9' });
    expect(Object.keys(input.Attributes ?? {}).filter((key) => !/^[A-Za-z0-9_-]+$/.test(key))).toEqual([]);
    expect(checkConnectRequest('StartTaskContact', input)).toEqual([]);
  });

  it('refuses attributes above the 32,768 bytes Connect keeps per contact, naming the field', () => {
    const attributes = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`note${index}`, 'x'.repeat(1000)]));
    expect(() => convertToStartTaskContact({ callback: { ...callback, attributes }, connectQueueId: 'q', generation: 0 }, settings)).toThrow(
      expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['attributes'] })] }) as IccError,
    );
  });
});
