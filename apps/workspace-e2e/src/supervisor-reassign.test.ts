import type { Page } from 'playwright-core';
import { requestCallback } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForText } from './support/wait-for';
import { goAvailable, offerCard, signIn, signInAsSupervisor } from './support/workspace-ui';

function waitingRow(page: Page, customerName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(customerName) }) });
}

describe('supervisor reassigns a waiting callback to an agent (issue 16 item 11)', () => {
  const e2e = useE2eContext('supervisor-reassign');

  it('Reassign keeps it for the agent picked (an agent not offline by default): only that agent is offered it', async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const grace = await openPage();
    const supervisor = await openPage();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await signIn(grace, gateway.url, 'Grace Hopper');
    await grace.getByLabel('Presence', { exact: true }).selectOption({ label: 'Away' });
    await signInAsSupervisor(supervisor, gateway.url);

    // Nobody is available: the callback waits in the queue.
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Marta', lastName: 'Kowalska', phoneNumbers: ['+14155552301'], timeZone: 'Europe/Warsaw' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Wants the agent she spoke to',
    });
    const row = waitingRow(supervisor, 'Marta Kowalska');
    await waitFor(row);
    await row.getByRole('button', { name: 'Reassign' }).click();
    const dialog = supervisor.getByRole('dialog', { name: /^Reassign callback/ });
    await waitFor(dialog);
    // Ada is offline, Grace away: Grace is the default, each agent shown with their state.
    await waitForText(dialog.getByLabel('Agent').locator('option:checked'), 'Grace Hopper (Away)');
    expect(await dialog.getByRole('option', { name: 'Ada Lovelace (Offline)' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await waitFor(supervisor.getByText('kept for Grace Hopper.', { exact: false }));
    await waitFor(row.getByText('Kept for Grace Hopper'));
    await waitFor(row.getByRole('button', { name: 'Release to queue' }));
    await issueShot(supervisor, 'item-11-reassign');

    // Ada is free well after the new start (5 s): she is not offered it; Grace is, once available.
    await goAvailable(page);
    await page.waitForTimeout(8_000);
    expect(await offerCard(page, 'Marta Kowalska').count()).toBe(0);
    await grace.getByLabel('Presence', { exact: true }).selectOption({ label: 'Available' });
    await waitFor(offerCard(grace, 'Marta Kowalska'), 15_000);
    expect(pageErrors).toEqual([]);
  });
});
