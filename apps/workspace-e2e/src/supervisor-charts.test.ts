import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe-scan';
import { requestCallback } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForText } from './support/wait-for';
import { offerCard, signIn, signInAsSupervisor } from './support/workspace-ui';

function chart(page: Page, title: string) {
  return page.getByRole('figure', { name: title });
}

function agentRow(page: Page, name: string) {
  return page.getByRole('table', { name: /^Agents/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

async function ask(url: string, customer: { firstName: string; lastName: string; number: string }): Promise<void> {
  await requestCallback(url, {
    queueId: 'callbacks-af',
    customer: { firstName: customer.firstName, lastName: customer.lastName, phoneNumbers: [customer.number], timeZone: 'Europe/Madrid' },
    reason: { code: 'billing-issue' },
    shortDescription: 'Supervisor charts',
  });
}

describe('supervisor view people would rather look at than read (issue 16 item 11, issue 21 item 5)', () => {
  const e2e = useE2eContext('supervisor-charts');

  it('charts the last hour with live data, shows missed and rejected offers per agent and queue, and passes axe', async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    await waitFor(chart(supervisor, 'Waiting callbacks and oldest wait'));
    // uPlot draws on a canvas inside each chart.
    await waitFor(chart(supervisor, 'Offers against accepts').locator('canvas').first());

    // Two callbacks wait with nobody available: the live figure and the chart follow the stream.
    await ask(gateway.url, { firstName: 'Lucía', lastName: 'Ortega', number: '+14155551301' });
    await ask(gateway.url, { firstName: 'Jonas', lastName: 'Berg', number: '+14155551302' });
    await waitFor(supervisor.getByRole('img', { name: /^2 waiting now/ }));

    // Ada rejects the first offer and accepts the next.
    await signIn(page, gateway.url, 'Ada Lovelace');
    // Waiting callbacks are offered at once: the inbox goes straight to the first offer.
    await page.getByLabel('Presence', { exact: true }).selectOption({ label: 'Available' });
    await waitFor(offerCard(page, 'Lucía Ortega'));
    await offerCard(page, 'Lucía Ortega').getByRole('button', { name: 'Reject' }).click();
    await waitFor(offerCard(page, 'Jonas Berg'));
    await offerCard(page, 'Jonas Berg').getByRole('button', { name: 'Accept' }).click();

    await waitFor(
      supervisor.getByRole('img', { name: /^In the last hour [2-9] offers were made, 1 accepted and 1 missed or rejected\.$/ }),
      20_000,
    );
    await waitFor(supervisor.getByRole('img', { name: /100% of the offers accepted in the last hour were accepted within 5 minutes/ }));
    const points = Number(await chart(supervisor, 'Service level').locator('[data-points]').getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(60);

    // Missed and rejected offers: per agent, per queue, and the latest with reason.
    await waitForText(agentRow(supervisor, 'Ada Lovelace').getByRole('cell').nth(2), '0 missed, 1 rejected');
    const perQueue = supervisor.getByRole('table', { name: 'Per queue' });
    await waitFor(perQueue.getByRole('row', { name: /agent-first, manual dial\) 0 1/ }));
    const latest = supervisor.getByRole('table', { name: 'Latest' });
    await waitFor(latest.getByRole('row').filter({ has: supervisor.getByRole('rowheader', { name: 'Ada Lovelace' }) }).getByText('Rejected'));

    // The agent's state, time in state and current interaction, from the server.
    await waitFor(agentRow(supervisor, 'Ada Lovelace').getByText(/Jonas Berg .*Previewing/));
    await waitFor(agentRow(supervisor, 'Ada Lovelace').getByRole('timer', { name: 'Time Busy' }));

    // The waiting callback can be cancelled from here.
    const waiting = supervisor.getByRole('row').filter({ has: supervisor.getByRole('rowheader', { name: /Lucía Ortega/ }) });
    await waitFor(waiting.getByRole('button', { name: 'Cancel' }));

    await supervisor.waitForTimeout(300);
    await issueShot(supervisor, 'item-11-supervisor-charts');
    await supervisor.getByRole('heading', { name: /Missed and rejected offers/ }).scrollIntoViewIfNeeded();
    await issueShot(supervisor, 'item-11-supervisor-agents-missed');

    expect(await seriousAxeViolations(supervisor)).toEqual([]);

    await waiting.getByRole('button', { name: 'Cancel' }).click();
    await supervisor.getByRole('dialog').getByRole('button', { name: 'Cancel callback' }).click();
    await waitFor(supervisor.getByRole('status').filter({ hasText: /cancelled\./ }));
    expect(pageErrors).toEqual([]);
  });
});
