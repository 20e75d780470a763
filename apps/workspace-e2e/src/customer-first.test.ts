import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { E2E_VENDOR } from './support/start-gateway';
import { waitFor } from './support/wait-for';
import { fillWrapUp, goAvailable, mainArea, offerCard, signIn, submitWrapUp, waitForInteractionState } from './support/workspace-ui';

const CUSTOMER = 'Kenji Sato';
const PHONE_NUMBER = '+14155550201';

// Amazon Connect callbacks are agent-first only: its adapter declares no customer-first mode.
const describeWhenCustomerFirst = E2E_VENDOR === 'amazon-connect' ? describe.skip : describe;

describeWhenCustomerFirst('customer-first callback in the browser', () => {
  const e2e = useE2eContext('customer-first');

  it('arrives as an inbound call with the customer on the line, is taken, ended and wrapped up', async () => {
    const { gateway, page, shot, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);

    await scriptNumber(gateway.url, PHONE_NUMBER, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-cf',
      customer: { firstName: 'Kenji', lastName: 'Sato', phoneNumbers: [PHONE_NUMBER], timeZone: 'Asia/Tokyo' },
      reason: { code: 'order-issue' },
      shortDescription: 'Parcel marked delivered but not received',
    });

    const offer = await waitFor(offerCard(page, CUSTOMER));
    await waitFor(offer.getByText('Inbound call · customer on the line', { exact: true }));
    await waitFor(offer.getByText('Order Issue', { exact: true }));
    await shot('inbound-call-offer');

    await offer.getByRole('button', { name: 'Accept' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: CUSTOMER }));
    await waitForInteractionState(page, 'Connected');
    await waitFor(mainArea(page).getByRole('region', { name: 'Caller details' }));
    // The customer is already bridged: nothing to preview or dial, anywhere on the screen.
    expect(await page.getByRole('group', { name: 'Callback actions' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Call number' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Retry call' }).count()).toBe(0);
    await shot('connected');

    await mainArea(page).getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'End call' }).click();
    const wrapUp = await fillWrapUp(page, CUSTOMER, 'Follow-up required', 'Carrier claim opened.');
    await shot('wrap-up');
    await submitWrapUp(page, wrapUp);
    await waitFor(mainArea(page).getByRole('region', { name: 'Outcome' }).getByText('Completed', { exact: true }));
    await shot('closed');

    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ mode: 'customer-first', state: 'closed', outcome: 'completed', wrapUp: { reason: 'follow-up-required' } });
    expect(closed.attempts).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
