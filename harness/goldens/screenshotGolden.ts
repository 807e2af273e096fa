/**
 * A pixel golden (Playwright's toHaveScreenshot, goldens/screenshots/) with its origin beside it
 * (<name>.json: the Chromium that rendered it). Written only when Playwright wrote the image (record
 * mode); a mismatch says where the golden was made when that differs from where it runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { readJsonGolden, writeJsonGolden } from './goldenFiles.ts';
import { goldenOriginSchema, originNote, type GoldenOrigin } from './goldenOrigin.ts';

const hashOf = (file: string) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;

export async function expectScreenshotGolden(
  target: Page | Locator,
  name: string,
  testInfo: TestInfo,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const page = 'page' in target && typeof target.page === 'function' ? target.page() : (target as Page);
  const running: GoldenOrigin = { chromium: page.context().browser()?.version() ?? 'unknown' };
  const file = testInfo.snapshotPath(name);
  const originFile = file.replace(/\.png$/, '.json');
  const recorded =
    readJsonGolden<GoldenOrigin>(originFile, { $id: 'wavecraft/ScreenshotOrigin', ...goldenOriginSchema }) ?? undefined;
  const before = hashOf(file);
  try {
    await expect(target as Page).toHaveScreenshot(name, { maxDiffPixels: 0, ...options });
  } catch (error) {
    const note = originNote(recorded, running);
    if (note && error instanceof Error) error.message = `${note}${error.message}`;
    throw error;
  }
  if (hashOf(file) !== before) await writeJsonGolden(originFile, running);
}
