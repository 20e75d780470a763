import type { Page } from 'playwright-core';
import { requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { eventually, waitFor, waitForGone } from './support/wait-for';
import { fillWrapUp, goAvailable, mainArea, offerCard, signIn, waitForInteractionState } from './support/workspace-ui';

/** Focus moves once the new state's controls are on screen (a short settle), so this waits for it. */
async function focusLeftBody(page: Page): Promise<string> {
  return eventually('focus on a control rather than <body>', async () => {
    const focused = await focusedElement(page);
    return focused === 'BODY' ? undefined : focused;
  }, 3_000);
}

async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'BODY';
    return `${active.tagName}:${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? ''}`;
  });
}

describe('keyboard (issue 16 item 4)', () => {
  const e2e = useE2eContext('keyboard-focus');

  it('arrowing through the presence select does not change presence until confirmed', async () => {
    const { gateway, page } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    const select = page.getByLabel('Presence', { exact: true });
    await select.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(800);
    await issueShot(page, 'item-4-presence-arrow-keys');
    await waitFor(page.getByText('You are not Available', { exact: false }));
    await page.keyboard.press('Enter');
    await waitFor(page.getByText('No offers right now.', { exact: false }));
    expect(await focusLeftBody(page)).toMatch(/^SELECT:/);
  });

  it('keeps focus on a sensible control after Call number, End call and Submit & close; shortcuts accept and end', async () => {
    const { gateway, page } = e2e();
    await goAvailable(page);
    await scriptNumber(gateway.url, '+14155551101', { kind: 'answer', afterSeconds: 1 });
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Jonas', lastName: 'Berg', phoneNumbers: ['+14155551101'], timeZone: 'Europe/Stockholm' },
      reason: { code: 'product-issue' },
      shortDescription: 'Warranty question',
    });
    await waitFor(offerCard(page, 'Jonas Berg'));
    await waitFor(page.getByText('Alt+Shift+A', { exact: false }));
    await page.keyboard.press('Alt+Shift+A');
    await waitForInteractionState(page, 'Previewing');
    await mainArea(page).getByRole('group', { name: 'Callback actions' }).getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'Connected');
    expect(await focusLeftBody(page)).toMatch(/^BUTTON:/);
    await issueShot(page, 'item-4-focus-after-call-number');
    await page.keyboard.press('Alt+Shift+E');
    const dialog = await fillWrapUp(page, 'Jonas Berg', 'Resolved', 'Explained the warranty.');
    await dialog.getByRole('button', { name: 'Submit & close' }).click();
    await waitForGone(dialog);
    await waitForInteractionState(page, 'Closed');
    expect(await focusLeftBody(page)).not.toBe('BODY');
  });
});
