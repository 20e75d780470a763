import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { eventually, waitFor, waitForGone } from './support/wait-for';
import { goAvailable, mainArea, offerCard, signIn, signInAsSupervisor, waitForInteractionState } from './support/workspace-ui';

describe('closing a callback asks for an outcome and records what happened (issue 16 item 2)', () => {
  const e2e = useE2eContext('close-callback-outcome');

  it('closed from preview: asks for a closing reason, says what happens, and records no call as not completed', async () => {
    const { gateway, page, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Omar', lastName: 'Said', phoneNumbers: ['+14155550501'], timeZone: 'Europe/London' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Wants a copy of the invoice',
    });
    await offerCard(page, 'Omar Said').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');
    await mainArea(page).getByRole('button', { name: 'Close callback' }).click();
    await page.waitForTimeout(1000);
    await issueShot(page, 'item-2-close-from-preview');

    const dialog = await waitFor(page.getByRole('dialog', { name: 'Close callback: Omar Said' }));
    await waitFor(dialog.getByText('The customer will not be called back', { exact: false }));
    await dialog.getByLabel('Closing reason').selectOption({ label: 'Resolved another way' });
    await dialog.getByRole('button', { name: 'Close callback' }).click();
    await waitForGone(dialog);
    await waitForInteractionState(page, 'Closed');

    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed.state).toBe('closed');
    expect(closed.outcome).not.toBe('completed');
    expect(closed.outcome).toBe('cancelled');
    expect(pageErrors).toEqual([]);
  });

  it('after one no-answer with a number untried: closing needs the agent to confirm', async () => {
    const { gateway, page } = e2e();
    await scriptNumber(gateway.url, '+14155550601', { kind: 'no-answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Kai', lastName: 'Tanaka', phoneNumbers: ['+14155550601', '+14155550602'], timeZone: 'Asia/Tokyo' },
      reason: { code: 'product-issue' },
      shortDescription: 'Router keeps rebooting',
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await offerCard(page, 'Kai Tanaka').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');
    await mainArea(page).getByRole('group', { name: 'Callback actions' }).getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'No answer');
    await mainArea(page).getByRole('button', { name: 'Close callback' }).click();

    const dialog = await waitFor(page.getByRole('dialog', { name: 'Close callback: Kai Tanaka' }));
    await waitFor(dialog.getByText('+14155550602 has not been tried', { exact: false }));
    const confirm = dialog.getByRole('button', { name: 'Close callback' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Closing reason').selectOption({ label: 'Customer not reached' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Close it anyway: no further attempts', { exact: false }).check();
    await issueShot(page, 'item-2-close-after-no-answer');
    await confirm.click();
    await waitForInteractionState(page, 'Closed');
    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed.outcome).toBe('no-answer');
  });

  it('Cancel in My callbacks asks first and can be undone', async () => {
    const { gateway, openPage } = e2e();
    const page = await openPage();
    await signInAsSupervisor(page, gateway.url);
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Lena', lastName: 'Vogel', phoneNumbers: ['+14155550701'], timeZone: 'Europe/Berlin' },
      reason: { code: 'order-issue' },
      shortDescription: 'Change the delivery address',
      schedule: { type: 'scheduled', start: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await page.getByRole('tab', { name: /Scheduled/ }).click();
    const row = mainArea(page).getByRole('row').filter({ hasText: callback.number });
    await row.getByRole('button', { name: `Cancel callback ${callback.number}` }).click();
    await page.waitForTimeout(500);
    await issueShot(page, 'item-2-cancel-in-my-callbacks');
    const dialog = await waitFor(page.getByRole('dialog', { name: `Cancel callback ${callback.number}` }));
    await dialog.getByRole('button', { name: 'Cancel callback' }).click();
    await waitFor(page.getByRole('button', { name: 'Undo' }));
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitFor(page.getByText(`Cancel of ${callback.number} undone.`, { exact: false }));
    const token = await agentToken(page);
    const stillOpen = await eventually('the callback state', async () => {
      const response = await fetch(`${gateway.url}/v1/callbacks/${callback.id}`, { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { state: string }).state;
    });
    expect(stillOpen).not.toBe('cancelled');
  });
});
