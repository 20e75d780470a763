import type { Page } from 'playwright-core';

// The gateway calls every browser suite shares moved to @icc/e2e-support; the token is the workspace's own.
export { getInteraction, requestCallback, scriptNumber, type TelephonyBehaviour, type TelephonyStep } from '@icc/e2e-support';

/** Where the workspace keeps the agent token (`apps/workspace/src/app/session/token-storage.ts`). */
const TOKEN_KEY = 'icc.workspace.token';

/** The token the signed-in tab holds. */
export async function agentToken(page: Page): Promise<string> {
  const token = await page.evaluate((key) => window.sessionStorage.getItem(key), TOKEN_KEY);
  if (token === null) throw new Error('The page holds no agent token: is an agent signed in?');
  return token;
}
