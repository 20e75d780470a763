import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { ISSUE_SHOTS_DIR } from './support/issue-shots';
import { waitFor } from './support/wait-for';
import { fillWrapUp, goAvailable, mainArea, offerCard, signIn, submitWrapUp, waitForInteractionState } from './support/workspace-ui';

const OUTSIDE_NUMBER = '+442071838750';

/** The two screenshots the issue names, written whenever the scenario runs. */
async function itemShot(page: Page, name: string): Promise<void> {
  mkdirSync(ISSUE_SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ISSUE_SHOTS_DIR, `${name}.png`), fullPage: false });
}

/** Ada (signed in by the first scenario of the file, which shares the page) accepts, dials and is connected to `firstName Lee`. */
async function adaConnected(page: Page, url: string, firstName: string, phoneNumber: string, signedIn = false) {
  if (signedIn) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  else {
    await signIn(page, url, 'Ada Lovelace');
    await goAvailable(page);
  }
  await scriptNumber(url, phoneNumber, { kind: 'answer', afterSeconds: 1 });
  const callback = await requestCallback(url, {
    queueId: 'callbacks-af',
    customer: { firstName, lastName: 'Lee', phoneNumbers: [phoneNumber], timeZone: 'Europe/London' },
    reason: { code: 'billing-issue' },
    shortDescription: 'Needs another department',
  });
  await offerCard(page, `${firstName} Lee`).getByRole('button', { name: 'Accept' }).click();
  await waitForInteractionState(page, 'Previewing');
  await mainArea(page).getByRole('group', { name: 'Callback actions' }).getByRole('button', { name: 'Call number' }).click();
  await waitForInteractionState(page, 'Connected');
  return callback;
}

describe('live-call transfer to a queue and to an outside number (issue 16 item 10)', () => {
  const e2e = useE2eContext('live-call-transfer-targets');

  it('to a queue: Ada is free, the customer waits in Sales and Grace gets the offer', async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const grace = await openPage();
    await signIn(grace, gateway.url, 'Grace Hopper');
    const callback = await adaConnected(page, gateway.url, 'Ruth', '+14155550811');
    await goAvailable(grace);

    const transfer = mainArea(page).getByRole('group', { name: 'Transfer call' });
    await transfer.getByRole('radio', { name: 'Queue' }).check();
    await transfer.getByLabel('Transfer to queue').selectOption({ label: 'Sales callbacks (agent-first, auto-dial)' });
    await itemShot(page, 'item-10-transfer-queue');
    await transfer.getByRole('button', { name: 'Blind transfer' }).click();

    await grace.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await offerCard(grace, 'Ruth Lee').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(grace, 'Connected');
    const taken = await getInteraction(gateway.url, await agentToken(grace), callback.interactionId);
    expect(taken).toMatchObject({ state: 'connected', agentId: 'agent-grace', queueId: 'callbacks-auto' });
    expect(pageErrors).toEqual([]);
  });

  it('to an outside number: the number is checked inline, Ada wraps up and it closes as transferred with the number', async () => {
    const { gateway, page, pageErrors } = e2e();
    const callback = await adaConnected(page, gateway.url, 'Sven', '+14155550812', true);
    const transfer = mainArea(page).getByRole('group', { name: 'Transfer call' });
    await transfer.getByRole('radio', { name: 'External number' }).check();
    const number = transfer.getByLabel('Outside number');
    await number.fill('0207 183');
    await waitFor(transfer.getByRole('alert'));
    expect(await transfer.getByRole('button', { name: 'Blind transfer' }).isDisabled()).toBe(true);
    await number.fill(OUTSIDE_NUMBER);
    await transfer.getByRole('button', { name: 'Blind transfer' }).click();

    const wrapUp = await fillWrapUp(page, 'Sven Lee', 'Resolved', 'Sent to the branch office.');
    await submitWrapUp(page, wrapUp);
    const outcome = mainArea(page).getByRole('region', { name: 'Outcome' });
    await waitFor(outcome.getByText(OUTSIDE_NUMBER, { exact: true }));
    await waitFor(outcome.getByText('Transferred', { exact: true }));
    await itemShot(page, 'item-10-transfer-external');
    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'transferred', transferredToNumber: OUTSIDE_NUMBER });
    expect(pageErrors).toEqual([]);
  });
});
