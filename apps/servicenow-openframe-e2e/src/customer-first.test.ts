import { getInteraction, requestCallback, scriptNumber, waitFor } from '@icc/e2e-support';
import {
  callActions,
  endCall,
  expectCleanRun,
  latestActiveCalls,
  offer,
  openFrameToken,
  recorded,
  submitWrapUp,
  waitForCallState,
  waitForIdle,
} from './support/harness';
import { useOpenFrameE2e } from './support/openframe-context';

describe('customer-first callback driven from ServiceNow (host-page harness, no instance)', () => {
  const e2e = useOpenFrameE2e();

  it('arrives like any voice call with the customer on the line, is ended and wrapped up', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const PHONE = '+14155550201';
    await scriptNumber(gateway.url, PHONE, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-cf',
      customer: { firstName: 'Kenji', lastName: 'Sato', phoneNumbers: [PHONE], timeZone: 'Asia/Tokyo' },
      reason: { code: 'order-issue' },
      shortDescription: 'Parcel marked delivered but not received',
    });

    const card = await waitFor(offer(page, 'Kenji Sato'));
    await waitFor(card.getByText('Inbound call', { exact: false }));
    const offered = (await recorded(page)).contexts.filter((call) => call.type === 'offerContext').at(-1)?.context;
    expect(offered).toMatchObject({ offerContext: [{ externalId: callback.interactionId, type: 'call' }] });
    await card.getByRole('button', { name: 'Accept' }).click();

    await waitForCallState(page, 'Kenji Sato', 'Connected');
    const [connected] = await latestActiveCalls(page);
    expect(connected).toMatchObject({ type: 'call', currentParticipant: { capabilities: { initiateCall: false, closeCallback: false, endCall: true } } });
    expect(connected).not.toHaveProperty('callbackContext');
    expect(await callActions(page, 'Kenji Sato').getByRole('button', { name: 'Call number' }).count()).toBe(0);

    await endCall(page, 'Kenji Sato');
    await submitWrapUp(page, 'Kenji Sato', 'follow-up-required', 'Carrier claim opened.');
    await waitForIdle(page);

    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed).toMatchObject({ mode: 'customer-first', state: 'closed', outcome: 'completed', wrapUp: { reason: 'follow-up-required' } });
    await expectCleanRun(page, pageErrors);
  });
});
