import { ARRIVAL_TIMEOUT_MS, launchChromium, startGateway, type RunningGateway } from '@icc/e2e-support';
import type { Browser, Page } from 'playwright-core';
import { signInAndGoAvailable } from './harness';

export interface OpenFrameE2e {
  gateway: RunningGateway;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) on the harness, with page errors collected. */
  openHarness(): Promise<{ page: Page; pageErrors: string[] }>;
  /** `openHarness`, then Ada Lovelace signs in through the app and goes Available. */
  openHarnessAsAda(): Promise<{ page: Page; pageErrors: string[] }>;
}

const OPENFRAME_BUILD = 'dist/apps/servicenow-openframe/index.html';
const BUILD_HINT =
  'Run `npx nx run servicenow-openframe-e2e:test` (it builds gateway, workspace and servicenow-openframe first).';

/** One gateway (fresh data dir) and one Chromium per test file, closed in afterAll. */
export function useOpenFrameE2e(): () => OpenFrameE2e {
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([
      startGateway({ alsoBuilt: [OPENFRAME_BUILD], buildHint: BUILD_HINT }),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') gateway = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await gateway?.stop();
    }
  });

  return () => {
    if (!gateway || !browser) throw new Error('Only available inside tests, after beforeAll');
    const ready = { gateway, browser };
    const harness: OpenFrameE2e = {
      ...ready,
      async openHarnessAsAda() {
        const opened = await harness.openHarness();
        await signInAndGoAvailable(opened.page, 'Ada Lovelace');
        return opened;
      },
      async openHarness() {
        const context = await ready.browser.newContext({ viewport: { width: 1280, height: 900 } });
        context.setDefaultTimeout(ARRIVAL_TIMEOUT_MS);
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
        });
        await page.goto(`${ready.gateway.url}/servicenow/harness/`);
        return { page, pageErrors };
      },
    };
    return harness;
  };
}
