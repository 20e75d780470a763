import { exampleCustomer, type CreateCallbackRequestInput } from '@icc/protocol';
import { startTestGateway, type TestGateway } from './test-gateway';

const CUSTOMER_NUMBER = '+14155550142';
const OUTSIDE_NUMBER = '+442071838750';

function callbackRequest(queueId: string): CreateCallbackRequestInput {
  return {
    queueId,
    customer: exampleCustomer({ phoneNumbers: [CUSTOMER_NUMBER] }),
    reason: { code: 'product-issue' },
    shortDescription: 'Router keeps dropping the connection',
  };
}

describe('live-call transfer to a queue or an outside number (gateway, mock vendor)', () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  async function adaOnTheCall() {
    const ada = await t.signIn('agent-ada');
    await ada.setPresence('agent-ada', 'available');
    const { callback } = await t.anonymous.createCallback(callbackRequest('callbacks-af'));
    await ada.sendCommand(callback.interactionId, { type: 'accept' });
    await ada.sendCommand(callback.interactionId, { type: 'dial', phoneNumber: CUSTOMER_NUMBER });
    await t.advance(10_000);
    expect((await ada.getInteraction(callback.interactionId)).state).toBe('connected');
    return { ada, callback };
  }

  it('to a queue: the customer waits there and the next agent of that queue gets the offer', async () => {
    const { ada, callback } = await adaOnTheCall();
    const grace = await t.signIn('agent-grace');
    await grace.setPresence('agent-grace', 'available');
    const requeued = await ada.sendCommand(callback.interactionId, { type: 'transfer-call', target: { kind: 'queue', queueId: 'callbacks-auto' } });
    expect(requeued).toMatchObject({ queueId: 'callbacks-auto', customerOnLine: true });
    expect(await grace.getInteraction(callback.interactionId)).toMatchObject({ state: 'offered', agentId: 'agent-grace' });
    expect((await grace.sendCommand(callback.interactionId, { type: 'accept' })).state).toBe('connected');
    const events = await grace.listCallbackEvents(callback.id);
    expect(events.map((event) => event.type)).toContain('interaction.call-requeued');
  });

  it('to an outside number: wrap-up, then closed as transferred with the number', async () => {
    const { ada, callback } = await adaOnTheCall();
    const sent = await ada.sendCommand(callback.interactionId, { type: 'transfer-call', target: { kind: 'external', phoneNumber: OUTSIDE_NUMBER } });
    expect(sent).toMatchObject({ state: 'wrap-up', transferredToNumber: OUTSIDE_NUMBER });
    const closed = await ada.sendCommand(callback.interactionId, { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: 'Sent to the branch.' } });
    expect(closed).toMatchObject({ state: 'closed', outcome: 'transferred', transferredToNumber: OUTSIDE_NUMBER });
  });

  it("refuses a malformed number (400 at its path), the customer's own number (400, same path) and an unknown queue (404)", async () => {
    const { ada, callback } = await adaOnTheCall();
    const id = callback.interactionId;
    await expect(ada.sendCommand(id, { type: 'transfer-call', target: { kind: 'external', phoneNumber: '0207 183' } } as never)).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      body: { issues: [expect.objectContaining({ path: ['target', 'phoneNumber'] })] },
    });
    await expect(ada.sendCommand(id, { type: 'transfer-call', target: { kind: 'external', phoneNumber: CUSTOMER_NUMBER } })).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      body: { issues: [expect.objectContaining({ path: ['target', 'phoneNumber'] })] },
    });
    await expect(ada.sendCommand(id, { type: 'transfer-call', target: { kind: 'queue', queueId: 'no-such-queue' } })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect((await ada.getInteraction(id)).state).toBe('connected');
  });
});
