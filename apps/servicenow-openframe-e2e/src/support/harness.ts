import { eventually, waitFor } from '@icc/e2e-support';
import type { Locator, Page } from 'playwright-core';

/** What the harness page exposes as `window.openFrameHarness` (apps/servicenow-openframe/src/harness/main.ts). */
interface HarnessWindow {
  openFrameHarness: {
    recorder: { calls: { method: string; args: unknown[] }[]; violations: string[]; latest: Record<string, unknown>; contextOrder: string[] };
    replay(event: string, payload: unknown): void;
  };
}

export interface RecordedActiveCall {
  externalId: string;
  type?: string;
  callbackContext?: { callAttemptedByAgent?: boolean; callbackNumbers?: string[]; dialInEndTime?: string; closeInEndTime?: string; customerName?: string };
  currentParticipant: { id: string; state?: string; held?: boolean; muted?: boolean; capabilities?: Record<string, unknown> };
  participants: { actor?: string; address?: string; state?: string; requireWrapup?: boolean }[];
}

/** The OpenFrame app inside the harness's iframe. */
export function openFrame(page: Page) {
  return page.frameLocator('iframe[title="OpenFrame"]');
}

/** Dev sign-in inside the OpenFrame, then ServiceNow's presence event makes the agent available. */
export async function signInAndGoAvailable(page: Page, agentName: string): Promise<void> {
  await openFrame(page).getByRole('button', { name: `Sign in as ${agentName}` }).click();
  await waitFor(openFrame(page).getByText(`Signed in as ${agentName}.`, { exact: false }));
  await eventually('the idle dial pad', async () => ((await idleShown(page)) ? true : undefined));
  await page.getByRole('button', { name: 'Go available' }).click();
  await waitFor(page.getByText('ICC presence: Available', { exact: true }));
}

async function idleShown(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as HarnessWindow).openFrameHarness.recorder.contextOrder.at(-1) === 'idleState');
}

export function offer(page: Page, customerName: string): Locator {
  return page.getByRole('region', { name: 'Inbox (offerContext)' }).getByRole('article', { name: customerName });
}

export function callRegion(page: Page, customerName: string): Locator {
  return page.getByRole('region', { name: `Call ${customerName}` });
}

export function callActions(page: Page, customerName: string): Locator {
  return callRegion(page, customerName).getByRole('group', { name: 'Call actions' });
}

/** Waits until the call's currentParticipant.state (as ServiceNow would show it) reads `state`. */
export async function waitForCallState(page: Page, customerName: string, state: string): Promise<void> {
  await eventually(`call state "${state}"`, async () => {
    const text = await callRegion(page, customerName).getByTestId('call-state').textContent({ timeout: 500 });
    return text === state ? true : undefined;
  });
}

export async function latestActiveCalls(page: Page): Promise<RecordedActiveCall[]> {
  return page.evaluate(
    () => ((window as unknown as HarnessWindow).openFrameHarness.recorder.latest['activeCall'] as { activeCall: RecordedActiveCall[] } | undefined)?.activeCall ?? [],
  );
}

/** Every setICContext the app made, as (type, context) pairs, and the schema violations among them. */
export async function recorded(page: Page): Promise<{ contexts: { type: string; context: unknown }[]; violations: string[]; toasts: string[] }> {
  return page.evaluate(() => {
    const { recorder } = (window as unknown as HarnessWindow).openFrameHarness;
    return {
      contexts: recorder.calls.filter((call) => call.method === 'setICContext').map((call) => ({ type: String(call.args[0]), context: call.args[1] })),
      violations: recorder.violations,
      toasts: recorder.calls.filter((call) => call.method === 'toastMessage').map((call) => String(call.args[0])),
    };
  });
}

/** Replays a documented event payload into the OpenFrame, as ServiceNow's TopFrame would. */
export async function replay(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(([name, body]) => (window as unknown as HarnessWindow).openFrameHarness.replay(name as string, body), [event, payload] as const);
}

/** Wrap up: pick the reason, type notes, Submit & close (openframe_wrap_up_submitted). */
export async function submitWrapUp(page: Page, customerName: string, reason: string, notes: string): Promise<void> {
  const form = callRegion(page, customerName).getByRole('form', { name: 'Wrap up' });
  await form.getByLabel('Reason').selectOption(reason);
  await form.getByLabel('Notes').fill(notes);
  await form.getByRole('button', { name: 'Submit & close' }).click();
}

/** Log out from the idle dial pad (the documented `logout` action): the agent goes offline for the next test. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Idle (idleState)' }).getByRole('button', { name: 'Log out' }).click();
  await waitFor(openFrame(page).getByRole('button', { name: 'Sign in as Ada Lovelace' }));
}

/** The gateway token the OpenFrame app holds (its own sessionStorage, inside the iframe). */
export async function openFrameToken(page: Page): Promise<string> {
  const frame = page.frames().find((candidate) => new URL(candidate.url()).pathname === '/servicenow/');
  if (!frame) throw new Error('The OpenFrame iframe is not loaded');
  const token = await frame.evaluate(() => window.sessionStorage.getItem('icc.servicenow-openframe.token'));
  if (token === null) throw new Error('The OpenFrame app holds no token: is an agent signed in?');
  return token;
}

/** Waits for the dial pad after the last call closed. */
export async function waitForIdle(page: Page): Promise<void> {
  await waitFor(page.getByRole('region', { name: 'Idle (idleState)' }));
  await eventually('no active call', async () => ((await latestActiveCalls(page)).length === 0 ? true : undefined));
}

/** Accepts the offer for `customerName` in the app and waits for the preview (agent-first). */
export async function acceptIntoPreview(page: Page, customerName: string): Promise<void> {
  await (await waitFor(offer(page, customerName))).getByRole('button', { name: 'Accept' }).click();
  await waitForCallState(page, customerName, 'Previewing');
}

/** Ends the connected call from the app and waits for its wrap-up form. */
export async function endCall(page: Page, customerName: string): Promise<void> {
  await callActions(page, customerName).getByRole('button', { name: 'End call' }).click();
  await waitForCallState(page, customerName, 'Wrap-up');
}

/** What every scenario must end with: no call the app made broke ServiceNow's schemas, and the page logged no error. */
export async function expectCleanRun(page: Page, pageErrors: string[]): Promise<void> {
  expect((await recorded(page)).violations).toEqual([]);
  expect(pageErrors).toEqual([]);
}
