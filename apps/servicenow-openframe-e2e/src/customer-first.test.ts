import { getInteraction, requestCallback, scriptNumber, waitFor } from '@icc/e2e-support';
import {
  callActions,
  latestActiveCalls,
  offer,
  openFrameToken,
  recorded,
  signInAndGoAvailable,
  submitWrapUp,
  waitForCallState,
  waitForIdle,
} from './support/harness';
import { useOpenFrameE2e } from './support/openframe-context';

describe('customer-first callback driven from ServiceNow (host-page harness, no instance)', () => {
  const e2e = useOpenFrameE2e();

  it('arrives like any voice call with the customer on the line, is ended and wrapped up', async () => {
    const { gateway, openHarness } = e2e();
    const { page, pageErrors } = await openHarness();
    await signInAndGoAvailable(page, 'Ada Lovelace');
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

    await callActions(page, 'Kenji Sato').getByRole('button', { name: 'End call' }).click();
    await waitForCallState(page, 'Kenji Sato', 'Wrap-up');
    await submitWrapUp(page, 'Kenji Sato', 'follow-up-required', 'Carrier claim opened.');
    await waitForIdle(page);

    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed).toMatchObject({ mode: 'customer-first', state: 'closed', outcome: 'completed', wrapUp: { reason: 'follow-up-required' } });
    expect((await recorded(page)).violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
