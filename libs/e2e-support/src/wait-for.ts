import type { Locator } from 'playwright-core';

/** How long a simulated call event or a pushed update may take to show up. */
export const ARRIVAL_TIMEOUT_MS = 15_000;
const POLL_INTERVAL_MS = 100;

/** Resolves with the locator once it is visible. */
export async function waitFor(locator: Locator, timeout = ARRIVAL_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** Resolves once nothing the locator matches is visible. */
export async function waitForGone(locator: Locator, timeout = ARRIVAL_TIMEOUT_MS): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** Polls `probe` until it returns something other than `undefined`, then resolves with it. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeout = ARRIVAL_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Waits until the locator's (single) element shows exactly `expected`, trimmed. */
export async function waitForText(locator: Locator, expected: string, timeout = ARRIVAL_TIMEOUT_MS): Promise<void> {
  let seen: string | null = null;
  await eventually(
    `"${expected}" in ${locator.toString()}`,
    async () => {
      seen = (await locator.textContent({ timeout: POLL_INTERVAL_MS * 5 }))?.trim() ?? null;
      return seen === expected ? true : undefined;
    },
    timeout,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last text: ${JSON.stringify(seen)}`);
  });
}
