import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { waitFor, waitForGone, waitForText } from './support/wait-for';
import {
  fillWrapUp,
  globalVoiceControl,
  goAvailable,
  gvcStateBadge,
  mainArea,
  offerCard,
  signIn,
  waitForInteractionState,
} from './support/workspace-ui';

const CUSTOMER = 'Lucía Fernández';
const PHONE_NUMBER = '+14155550301';

describe('Global Voice Control in the browser', () => {
  const e2e = useE2eContext('global-voice-control');

  it('controls the call from My callbacks and opens the interaction again', async () => {
    const { gateway, page, shot, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await scriptNumber(gateway.url, PHONE_NUMBER, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Lucía', lastName: 'Fernández', phoneNumbers: [PHONE_NUMBER], timeZone: 'Europe/Madrid' },
      reason: { code: 'sales-discovery' },
      shortDescription: 'Interested in the business plan',
    });
    await offerCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await mainArea(page).getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'Connected');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    const row = mainArea(page).getByRole('row').filter({ hasText: callback.number });
    await waitFor(row.getByText(CUSTOMER));
    const gvc = globalVoiceControl(page);
    await waitForText(gvcStateBadge(page), 'Connected');
    await waitFor(gvc.getByText(CUSTOMER, { exact: true }));
    await waitFor(gvc.getByRole('timer', { name: 'Call timer' }));
    await shot('my-callbacks-connected');

    const callControls = gvc.getByRole('group', { name: 'Call controls' });
    await callControls.getByRole('button', { name: 'Hold' }).click();
    await waitForText(gvcStateBadge(page), 'On hold');
    await shot('gvc-on-hold');
    await callControls.getByRole('button', { name: 'Resume' }).click();
    await waitForText(gvcStateBadge(page), 'Connected');
    await callControls.getByRole('button', { name: 'End call' }).click();
    await waitForText(gvcStateBadge(page), 'Wrap-up');
    // The wrap-up opens where the agent is.
    const wrapUp = await fillWrapUp(page, CUSTOMER, 'Follow-up required', 'Send the business plan brochure.');
    expect(new URL(page.url()).hash).toBe('#/callbacks');
    await shot('gvc-wrap-up-on-my-callbacks');
    await wrapUp.getByRole('button', { name: 'Submit & close' }).click();
    await waitForGone(wrapUp);
    await waitFor(gvc.getByText('No active callback', { exact: true }));
    await shot('closed');

    await page.goto(`${gateway.url}/#/interactions/${callback.interactionId}`);
    await waitFor(page.getByRole('heading', { level: 1, name: CUSTOMER }));
    await waitForInteractionState(page, 'Closed');

    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed' });
    expect(pageErrors).toEqual([]);
  });
});
