import type { Page } from 'playwright-core';
import { requestCallback } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForText } from './support/wait-for';
import { globalVoiceControl, goAvailable, signIn, signInAsSupervisor } from './support/workspace-ui';

// The demo queues let an offer ring for 30 s.
const OFFER_TIMEOUT_MS = 30_000;

function agentHeaderPresence(page: Page) {
  return page.getByRole('banner').getByRole('status', { name: 'Presence state' });
}

describe('a missed offer makes the agent Not responding (issue 16 items 3 and 6)', () => {
  const e2e = useE2eContext('missed-offer-not-responding', { env: { ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING: '1' } });

  it('the offer rings in the bar; letting it time out sets Not responding in the header and the supervisor table', async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Lars', lastName: 'Nilsen', phoneNumbers: ['+14155551301'], timeZone: 'Europe/Oslo' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Late fee',
    });
    await waitFor(globalVoiceControl(page).getByText('Offer: Lars Nilsen', { exact: false }));

    await waitForText(agentHeaderPresence(page), 'Not responding', OFFER_TIMEOUT_MS + 15_000);
    const row = supervisor.getByRole('row').filter({ has: supervisor.getByRole('rowheader', { name: 'Ada Lovelace' }) });
    await waitFor(row.getByText('Not responding', { exact: true }));
    await issueShot(page, 'item-6-not-responding');
    await waitFor(page.getByText('You are not Available', { exact: false }));

    // Choosing Available again brings the offer back.
    await page.getByLabel('Presence', { exact: true }).selectOption({ label: 'Available' });
    await waitFor(globalVoiceControl(page).getByText('Offer: Lars Nilsen', { exact: false }), OFFER_TIMEOUT_MS + 15_000);
    expect(pageErrors).toEqual([]);
  });
});
