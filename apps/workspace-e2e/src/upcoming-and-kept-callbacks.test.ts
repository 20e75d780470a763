import { agentToken, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { listCallbacks } from './support/list-callbacks';
import { waitFor, waitForGone, waitForText } from './support/wait-for';
import { globalVoiceControl, goAvailable, gvcStateBadge, signIn, wrapUpDialog } from './support/workspace-ui';

const DAY = 86_400_000;

/** `datetime-local` text for `at` on the browser's clock (the e2e browser runs in the machine's zone, like this process). */
function localInput(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

describe('My callbacks → Scheduled shows upcoming work, and an agent can keep a callback (issue 16 item 8)', () => {
  const e2e = useE2eContext('upcoming-and-kept-callbacks');

  it('Scheduled lists a scheduled callback of my queue that I never handled', async () => {
    const { gateway, page, pageErrors } = e2e();
    const scheduled = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Ines', lastName: 'Moreau', phoneNumbers: ['+14155552001'], timeZone: 'Europe/Paris' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Explain the new tariff',
      schedule: { type: 'scheduled', start: new Date(Date.now() + 2 * DAY).toISOString() },
    });
    await signIn(page, gateway.url, 'Ada Lovelace');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    await page.getByRole('tab', { name: /Scheduled/ }).click();
    await page.waitForTimeout(500);
    await issueShot(page, 'item-8-scheduled-tab');
    const panel = page.getByRole('tabpanel', { name: /Scheduled/ });
    await waitFor(panel.getByRole('rowheader', { name: scheduled.number }));
    await waitFor(panel.getByText('Ines Moreau'));
    expect(pageErrors).toEqual([]);
  });

  it('"call me back Tuesday": from wrap-up the agent creates a callback kept for themselves; it shows as theirs', async () => {
    const { gateway, page, pageErrors } = e2e();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await goAvailable(page);
    await scriptNumber(gateway.url, '+14155552101', { kind: 'answer', afterSeconds: 1 });
    const first = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Tomas', lastName: 'Berg', phoneNumbers: ['+14155552101'], timeZone: 'Europe/Stockholm' },
      reason: { code: 'product-issue' },
      shortDescription: 'Needs the firmware steps',
    });
    const gvc = globalVoiceControl(page);
    await waitFor(gvc.getByText('Offer: Tomas Berg', { exact: false }));
    await gvc.getByRole('button', { name: 'Accept' }).click();
    await gvc.getByRole('button', { name: 'Call number' }).click();
    await waitForText(gvcStateBadge(page), 'Connected');
    await gvc.getByRole('button', { name: 'End call' }).click();

    const dialog = await waitFor(wrapUpDialog(page, 'Tomas Berg'));
    await dialog.getByLabel('Reason').selectOption({ label: 'Follow-up required' });
    await issueShot(page, 'item-8-call-me-back-wrap-up');
    const tuesday = Date.now() + 3 * DAY;
    await dialog.getByRole('checkbox', { name: 'I will call the customer back myself' }).check();
    await dialog.getByLabel('Call back at (your time)').fill(localInput(tuesday));
    await dialog.getByRole('button', { name: 'Submit & close' }).click();
    await waitForGone(dialog);

    const token = await agentToken(page);
    const kept = (await listCallbacks(gateway.url, token, { view: 'upcoming' })).find((callback) => callback.shortDescription.startsWith(`Follow-up of ${first.number}`));
    expect(kept).toMatchObject({ assignedAgentId: 'agent-ada', source: 'agent', state: 'pending', customer: { firstName: 'Tomas', lastName: 'Berg' } });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await page.getByRole('tab', { name: /Scheduled/ }).click();
    const row = page.getByRole('row', { name: new RegExp(kept?.number ?? 'missing') });
    await waitFor(row.getByText('Kept for you'));
    await issueShot(page, 'item-8-kept-for-you');
    expect(pageErrors).toEqual([]);
  });
});
