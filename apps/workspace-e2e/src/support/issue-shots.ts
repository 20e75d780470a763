import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Committed before/after screenshots of issue 16 (`ICC_SHOT_PHASE=before|after`); nothing is written otherwise. */
export const ISSUE_SHOTS_DIR = join(__dirname, '..', '..', 'screenshots', 'issue-16');

/** Saves the 1440×900 viewport as `screenshots/issue-16/<name>-<phase>.png` when a phase is set. */
export async function issueShot(page: Page, name: string): Promise<void> {
  const phase = process.env['ICC_SHOT_PHASE'];
  if (phase !== 'before' && phase !== 'after') return;
  mkdirSync(ISSUE_SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ISSUE_SHOTS_DIR, `${name}-${phase}.png`), fullPage: false });
}
