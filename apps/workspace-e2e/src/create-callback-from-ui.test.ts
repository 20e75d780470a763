import { requestCallback } from './support/gateway-api';
import { seriousAxeViolations } from './support/axe-scan';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { zoneWhereItIsNight, zoneWhereItIsNoon } from './support/night-zone';
import { waitFor } from './support/wait-for';
import { goAvailable, mainArea, offerCard, signIn, waitForInteractionState } from './support/workspace-ui';

describe('what agent desktops of the field have (issue 16 item 10)', () => {
  const e2e = useE2eContext('create-callback-from-ui');

  it('creates a callback for the customer on the phone, kept for me; it is offered to me, with its timeline', async () => {
    const { gateway, page, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    await issueShot(page, 'item-10-new-callback');
    await page.getByRole('button', { name: 'New callback' }).click();

    const dialog = await waitFor(page.getByRole('dialog', { name: 'New callback' }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByLabel('Queue').selectOption({ label: 'Billing callbacks (agent-first, manual dial)' });
    await dialog.getByLabel('First name').fill('Priya');
    await dialog.getByLabel('Last name').fill('Raman');
    await dialog.getByLabel(/Phone numbers/).fill('+14155553001');
    await dialog.getByLabel('Customer time zone').fill(zoneWhereItIsNoon());
    await dialog.getByLabel('Summary').fill('Refund did not arrive');
    await dialog.getByLabel('Reason').selectOption({ label: 'Billing Issue' });
    expect(await dialog.getByRole('checkbox', { name: 'Keep it for me (I make this call)' }).isChecked()).toBe(true);
    await issueShot(page, 'item-10-new-callback-dialog');
    await dialog.getByRole('button', { name: 'Create callback' }).click();
    await waitFor(page.getByText(/Callback CB\d+ created for Priya Raman, kept for you\./));

    // Kept for Ada: the engine offers it to her as soon as she is available.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    // Not goAvailable(): the kept callback is offered at once, so the empty-inbox text may never show.
    await page.getByLabel('Presence', { exact: true }).selectOption({ label: 'Available' });
    await offerCard(page, 'Priya Raman').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');

    const timeline = mainArea(page).getByRole('list', { name: 'Callback events, oldest first' });
    await waitFor(timeline.getByText('Requested in Billing callbacks', { exact: false }));
    await waitFor(timeline.getByText('Accepted'));
    await waitFor(mainArea(page).getByRole('heading', { name: 'Previous callbacks of this customer' }));
    await waitFor(mainArea(page).getByText("Customer's local time"));
    await issueShot(page, 'item-10-timeline');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('warns before dialing a customer for whom it is the middle of the night', async () => {
    const { gateway, openPage } = e2e();
    // Ada still previews Priya's callback: Grace takes this one.
    const page = await openPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, gateway.url, 'Grace Hopper');
    await goAvailable(page);
    const zone = zoneWhereItIsNight();
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Night', lastName: 'Owl', phoneNumbers: ['+14155553101'], timeZone: zone },
      reason: { code: 'order-issue' },
      shortDescription: 'Parcel lost',
    });
    await offerCard(page, 'Night Owl').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');
    await page.waitForTimeout(500);
    await issueShot(page, 'item-10-calling-hours');
    const actions = mainArea(page).getByRole('group', { name: 'Callback actions' });
    await waitFor(actions.getByText(`for the customer (${zone}), outside calling hours (08:00–21:00)`, { exact: false }));
    const callNumber = actions.getByRole('button', { name: 'Call number' });
    const describedBy = (await callNumber.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(pageErrors).toEqual([]);
  });
});
