import type { Locator, Page } from 'playwright-core';
import { waitFor, waitForGone, waitForText } from './wait-for';

/** The routed page (everything but the header and the Global Voice Control). */
export function mainArea(page: Page): Locator {
  return page.getByRole('main');
}

export function globalVoiceControl(page: Page): Locator {
  return page.getByRole('region', { name: 'Global Voice Control' });
}

// State badges are text with a colour and no role of their own, so they are found by their data hook (class names are CSS-module hashes).
export function interactionStateBadge(page: Page): Locator {
  return mainArea(page).locator('header [data-state-badge]');
}

export function gvcStateBadge(page: Page): Locator {
  return globalVoiceControl(page).locator('[data-gvc-summary] [data-state-badge]');
}

/** Waits until the interaction page's state badge shows `label` (e.g. "Connected"). */
export async function waitForInteractionState(page: Page, label: string): Promise<void> {
  await waitForText(interactionStateBadge(page), label);
}

export async function signIn(page: Page, baseUrl: string, agentName: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: `Sign in as ${agentName}` }).click();
  await waitFor(page.getByRole('heading', { level: 1, name: 'Inbox' }));
  await waitForOnline(page);
}

/** Signs in as the demo supervisor, who lands on the Supervisor page. */
export async function signInAsSupervisor(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in as Sam Supervisor' }).click();
  await waitFor(page.getByRole('heading', { level: 1, name: 'Supervisor' }));
  await waitForOnline(page);
}

/** The connection banner is empty once the agent stream said `welcome`: controls are live from then on. */
export async function waitForOnline(page: Page): Promise<void> {
  await waitForGone(page.locator('[data-connection-banner]'));
}

/** Picks Available and waits until the gateway confirmed it (the inbox says offers may come). */
export async function goAvailable(page: Page): Promise<void> {
  await page.getByLabel('Presence', { exact: true }).selectOption({ label: 'Available' });
  await waitFor(page.getByText('No offers right now.', { exact: false }));
}

export function offerCard(page: Page, customerName: string): Locator {
  return page.getByRole('article', { name: customerName });
}

export function wrapUpDialog(page: Page, customerName: string): Locator {
  return page.getByRole('dialog', { name: `Wrap up: ${customerName}` });
}

/** Chooses the wrap-up reason and writes the notes; the caller takes the screenshot and submits. */
export async function fillWrapUp(page: Page, customerName: string, reasonLabel: string, notes: string): Promise<Locator> {
  const dialog = await waitFor(wrapUpDialog(page, customerName));
  await dialog.getByLabel('Reason').selectOption({ label: reasonLabel });
  await dialog.getByLabel('Notes').fill(notes);
  return dialog;
}

/** Submit & close; resolves once the modal is gone and the interaction shows Closed. */
export async function submitWrapUp(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Submit & close' }).click();
  await waitForGone(dialog);
  await waitForInteractionState(page, 'Closed');
}
