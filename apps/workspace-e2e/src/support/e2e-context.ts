import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { createScreenshotRecorder } from './screenshots';
import { startGateway, type RunningGateway, type StartGatewayOptions } from './start-gateway';
import { ARRIVAL_TIMEOUT_MS } from './wait-for';

export interface E2eContext {
  gateway: RunningGateway;
  page: Page;
  /** Saves `artifacts/<scenario>/<nn>-<step>.png`. */
  shot(step: string): Promise<string>;
  /** Uncaught exceptions of the page and console errors, to assert there were none. */
  pageErrors: string[];
  /** A second tab in its own browser context (its own session storage), e.g. for the supervisor. */
  openPage(): Promise<Page>;
}

/**
 * One gateway (fresh data dir) and one Chromium per test file, closed in `afterAll`. Call it at
 * the top of a `describe`; the returned getter is valid inside tests. Options given as a function are
 * read when the gateway starts, after the `beforeAll`s declared before this call (e.g. a provider's URL).
 */
export function useE2eContext(scenario: string, gatewayOptions: StartGatewayOptions | (() => StartGatewayOptions) = {}): () => E2eContext {
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;
  let browserContext: BrowserContext | undefined;
  let context: E2eContext | undefined;
  const extraContexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [startedGateway, launchedBrowser] = await Promise.allSettled([startGateway(typeof gatewayOptions === 'function' ? gatewayOptions() : gatewayOptions), launchChromium()]);
    if (startedGateway.status === 'fulfilled') gateway = startedGateway.value;
    if (launchedBrowser.status === 'fulfilled') browser = launchedBrowser.value;
    if (startedGateway.status === 'rejected') throw startedGateway.reason;
    if (launchedBrowser.status === 'rejected') throw launchedBrowser.reason;
    if (!gateway || !browser) throw new Error('unreachable: gateway and browser are both started');

    browserContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Clicks wait for their button to become enabled; a control that never does fails the test here.
    browserContext.setDefaultTimeout(ARRIVAL_TIMEOUT_MS);
    const page = await browserContext.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
    });
    const record = createScreenshotRecorder(scenario);
    const openPage = async (): Promise<Page> => {
      if (!browser) throw new Error('unreachable: the browser is started');
      const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      other.setDefaultTimeout(ARRIVAL_TIMEOUT_MS);
      extraContexts.push(other);
      return other.newPage();
    };
    context = { gateway, page, pageErrors, shot: (step) => record(page, step), openPage };
  });

  afterAll(async () => {
    // The browser goes first, so the gateway does not wait for its WebSocket on shutdown.
    try {
      for (const extra of extraContexts) await extra.close();
      await browserContext?.close();
      await browser?.close();
    } finally {
      await gateway?.stop();
    }
  });

  return () => {
    if (!context) throw new Error('The e2e context is only available inside tests, after beforeAll');
    return context;
  };
}
