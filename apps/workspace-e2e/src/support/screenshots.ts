import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts');

/** Saves a full-page screenshot as `artifacts/<scenario>/<nn>-<step>.png` and returns its path. */
export function createScreenshotRecorder(scenario: string) {
  const dir = join(ARTIFACTS_DIR, scenario);
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page: Page, name: string): Promise<string> => {
    step += 1;
    const path = join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}
