import type { Page } from 'playwright-core';
import { agentToken, getInteraction, requestCallback } from './support/gateway-api';
import { seriousAxeViolations } from './support/axe-scan';
import { useE2eContext } from './support/e2e-context';
import { zoneWhereItIsNoon } from './support/night-zone';
import { waitFor } from './support/wait-for';
import { goAvailable, mainArea, offerCard, signIn, signInAsSupervisor, waitForInteractionState } from './support/workspace-ui';

/** Supervisor → Queue settings: sets one queue's calling hours through the form and waits for the saved version. */
async function setCallingHours(supervisor: Page, queueName: string, start: string, end: string): Promise<void> {
  const form = supervisor.getByRole('form', { name: `Calling hours of ${queueName}` });
  await form.getByLabel('From').fill(start);
  await form.getByLabel('Until').fill(end);
  await form.getByRole('button', { name: 'Save' }).click();
  await waitFor(supervisor.getByText(`Saved: ${queueName} calls ${start}–${end} customer time`, { exact: false }));
}

function waitingRow(page: Page, customerName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(customerName) }) });
}

describe('calling hours per queue (issue 16)', () => {
  const e2e = useE2eContext('calling-hours-per-queue');

  it("the supervisor narrows a queue's calling hours; the agent's warning before a manual dial follows them", async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    // 12:00–12:59 for the customer: inside the default 08:00–21:00, outside 14:00–21:00 for over an hour.
    const zone = zoneWhereItIsNoon();
    await setCallingHours(supervisor, 'Billing callbacks (agent-first, manual dial)', '14:00', '21:00');
    expect(await seriousAxeViolations(supervisor)).toEqual([]);

    // A value the gateway refuses is shown on its field, and nothing is saved.
    const form = supervisor.getByRole('form', { name: 'Calling hours of Billing callbacks (agent-first, manual dial)' });
    await form.getByLabel('Until').fill('13:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await waitFor(form.getByText('end must be after start'));
    expect(await form.getByLabel('Until').getAttribute('aria-invalid')).toBe('true');

    // The agent signs in after the change: the snapshot carries the queue's new version.
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Lena', lastName: 'Noon', phoneNumbers: ['+14155553201'], timeZone: zone },
      reason: { code: 'billing-issue' },
      shortDescription: 'Lunch-time callback',
    });
    await offerCard(page, 'Lena Noon').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');
    const actions = mainArea(page).getByRole('group', { name: 'Callback actions' });
    await waitFor(actions.getByText(`for the customer (${zone}), outside calling hours (14:00–21:00)`, { exact: false }));
    // A manual dial stays possible.
    expect(await actions.getByRole('button', { name: 'Call number' }).isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('the engine holds a customer-first callback outside its calling hours, and the supervisor sees why', async () => {
    const { gateway, openPage } = e2e();
    const supervisor = await openPage();
    const grace = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    const zone = zoneWhereItIsNoon();
    await setCallingHours(supervisor, 'Customer care (customer-first)', '14:00', '21:00');

    // Grace is free: without the hold the mock vendor would dial the customer at once.
    await signIn(grace, gateway.url, 'Grace Hopper');
    await goAvailable(grace);
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-cf',
      customer: { firstName: 'Omar', lastName: 'Held', phoneNumbers: ['+14155553202'], timeZone: zone },
      reason: { code: 'billing-issue' },
      shortDescription: 'Asked during lunch',
    });
    const row = waitingRow(supervisor, 'Omar Held');
    await waitFor(row.getByText(`Held: outside the customer's calling hours (14:00–21:00, ${zone}); dialing starts`, { exact: false }));
    await supervisor.waitForTimeout(3_000);
    expect((await getInteraction(gateway.url, await agentToken(supervisor), callback.interactionId)).state).toBe('queued');
    expect(await grace.getByText('Omar Held').count()).toBe(0);
  });
});
