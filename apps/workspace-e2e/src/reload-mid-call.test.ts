import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { eventually, waitFor } from './support/wait-for';
import {
  fillWrapUp,
  globalVoiceControl,
  goAvailable,
  mainArea,
  offerCard,
  signIn,
  submitWrapUp,
  waitForInteractionState,
  waitForOnline,
} from './support/workspace-ui';

const CUSTOMER = 'Amara Okafor';
const PHONE_NUMBER = '+14155550401';
const HELD_FOR_AT_LEAST_SECONDS = 2;

function seconds(timerText: string | null): number {
  const match = /^(\d+):(\d{2})$/.exec(timerText?.trim() ?? '');
  if (!match) throw new Error(`Not a call timer: ${JSON.stringify(timerText)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

describe('reloading the workspace mid-call', () => {
  const e2e = useE2eContext('reload-mid-call');

  it('restores session, route, call state and timer, and the call can still be finished', async () => {
    const { gateway, page, shot, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await scriptNumber(gateway.url, PHONE_NUMBER, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Amara', lastName: 'Okafor', phoneNumbers: [PHONE_NUMBER], timeZone: 'Africa/Lagos' },
      reason: { code: 'product-issue' },
      shortDescription: 'Router keeps dropping the connection',
    });
    await offerCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await mainArea(page).getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'Connected');
    const callControls = mainArea(page).getByRole('group', { name: 'Call controls' });
    await callControls.getByRole('button', { name: 'Hold' }).click();
    await waitForInteractionState(page, 'On hold');

    // Let the call timer run, so a timer restarted by the reload would show.
    const timer = globalVoiceControl(page).getByRole('timer', { name: 'Call timer' });
    await eventually('the call timer to pass 0:02', async () =>
      seconds(await timer.textContent()) >= HELD_FOR_AT_LEAST_SECONDS ? true : undefined,
    );
    const routeBefore = page.url();
    await shot('on-hold-before-reload');

    await page.reload();
    await waitFor(page.getByRole('heading', { level: 1, name: CUSTOMER }));
    expect(await page.getByRole('button', { name: /^Sign in as / }).count()).toBe(0);
    expect(page.url()).toBe(routeBefore);
    expect(page.url()).toContain(`#/interactions/${callback.interactionId}`);
    await waitForOnline(page);
    await waitForInteractionState(page, 'On hold');
    expect(seconds(await timer.textContent())).toBeGreaterThanOrEqual(HELD_FOR_AT_LEAST_SECONDS);
    await shot('on-hold-after-reload');

    await callControls.getByRole('button', { name: 'Resume' }).click();
    await waitForInteractionState(page, 'Connected');
    await callControls.getByRole('button', { name: 'End call' }).click();
    const wrapUp = await fillWrapUp(page, CUSTOMER, 'Resolved', 'Replaced the router after a reload mid-call.');
    await submitWrapUp(page, wrapUp);
    await shot('closed');

    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed' });
    expect(pageErrors).toEqual([]);
  });
});
