import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForGone, waitForText } from './support/wait-for';
import { globalVoiceControl, goAvailable, gvcStateBadge, signIn, wrapUpDialog } from './support/workspace-ui';

const CUSTOMER = 'Aiko Sato';

describe('the bar carries offers and wrap-up (issue 16 items 5 and 6)', () => {
  const e2e = useE2eContext('bar-offer-and-wrap-up');

  it('accepts an offer from the bar, ends the call there and wraps up on the same page; notes survive a reload', async () => {
    const { gateway, page, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    await scriptNumber(gateway.url, '+14155551001', { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Aiko', lastName: 'Sato', phoneNumbers: ['+14155551001'], timeZone: 'Asia/Tokyo' },
      reason: { code: 'order-issue' },
      shortDescription: 'Wrong size delivered',
    });
    const gvc = globalVoiceControl(page);
    await page.locator('[data-offer-alert]').waitFor();
    await issueShot(page, 'item-6-offer-in-bar');
    await waitFor(gvc.getByText(`Offer: ${CUSTOMER}`, { exact: false }));
    await gvc.getByRole('button', { name: 'Accept' }).click();
    await gvc.getByRole('button', { name: 'Call number' }).click();
    await waitForText(gvcStateBadge(page), 'Connected');
    await gvc.getByRole('button', { name: 'End call' }).click();

    // Still on My callbacks: the wrap-up opens here, with its after-call-work timer.
    const dialog = await waitFor(wrapUpDialog(page, CUSTOMER));
    expect(new URL(page.url()).hash).toBe('#/callbacks');
    await waitFor(dialog.getByRole('timer', { name: 'After-call work' }));
    await dialog.getByLabel('Notes').fill('Exchange label sent by e-mail.');
    await issueShot(page, 'item-5-wrap-up-from-bar');

    await page.reload();
    const again = await waitFor(wrapUpDialog(page, CUSTOMER));
    expect(await again.getByLabel('Notes').inputValue()).toBe('Exchange label sent by e-mail.');
    await again.getByLabel('Reason').selectOption({ label: 'Resolved' });
    await again.getByRole('button', { name: 'Submit & close' }).click();
    await waitForGone(again);
    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', wrapUp: { notes: 'Exchange label sent by e-mail.' } });
    expect(pageErrors).toEqual([]);
  });
});
