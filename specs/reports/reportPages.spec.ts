/**
 * The harness's own report pages, opened in Chromium as a person opens them: the nightly
 * dashboard (30 runs, 3 regressions, 1 inconclusive run) and the failure plot of gain-steps-mono
 * with step 2 1.5 dB loud and every step 5 ms late, as the standalone SVG a failing test attaches.
 * No console error, no request beyond the page itself; axis titles, legends, the matrix and its
 * links; screenshot goldens (not one pixel off), each with the Chromium that recorded it. That
 * they look the same under other fonts and another Chromium build: fontsTravel.spec.ts.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { NO_CAPTURE } from '../../harness/browser/browserPool.ts';
import { expectScreenshotGolden } from '../../harness/goldens/screenshotGolden.ts';
import { expect, test } from '../../harness/test.ts';
import { DASHBOARD_GOLDEN, FAILURE_PLOT_GOLDEN, dashboardHtml, failurePlotSvg } from '../support/reportPages.ts';

/** Opens `content` from a file in a fresh page; returns the page, the requests it made and its console errors. */
async function open(page: Page, file: string, content: string): Promise<{ requests: string[]; errors: string[] }> {
  writeFileSync(file, content);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`file://${file}`);
  return { requests: requests.filter((u) => u !== `file://${file}`), errors };
}

test('the nightly dashboard: matrix, lines, run table and links, with an inconclusive run shown on its own', async ({ browserPool }, testInfo) => {
  const page = await browserPool.takePage(NO_CAPTURE);
  try {
    const { requests, errors } = await open(page, testInfo.outputPath('trend.html'), await dashboardHtml());
    await test.step('no request, no console error', () => {
      expect(requests, 'requests beyond the page itself').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    });
    await test.step('axis titles and legends of both charts', async () => {
      const text = await page.locator('figure.charts').innerText();
      for (const title of ['run date (UTC)', 'worst deviation (dB)', 'ns per stereo frame']) expect(text).toContain(title);
      await expect(page.locator('figure.charts svg')).toHaveCount(2);
    });
    await test.step('one matrix row per test, plus the validator', async () => {
      await expect(page.locator('tr.test')).toHaveCount(6);
      await expect(page.locator('tr.validator')).toHaveCount(1);
    });
    await test.step('the 3 regressions in the matrix, linking to runs 10, 18 and 26; the inconclusive run 6 in amber', async () => {
      const failedLinks = await page.locator('tr.test td.f a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(failedLinks.sort()).toEqual(['#run-10', '#run-18', '#run-26']);
      const inconclusiveLinks = await page.locator('tr.test td.i a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(inconclusiveLinks).toEqual(['#run-6']);
      await expect(page.locator('#run-6')).toHaveClass('inconclusive');
      await expect(page.locator('#run-6')).toContainText('too busy to measure');
    });
    await test.step('the regressions are red points in both lines', async () => {
      const red = await page.locator('figure.charts svg [fill="#d62728"]').count();
      expect(red, 'red points: 3 failed runs × 2 charts').toBeGreaterThanOrEqual(6);
    });
    await test.step('clicking a failed cell targets its run', async () => {
      await page.locator('tr.test td.f a[href="#run-18"]').click();
      expect(new URL(page.url()).hash).toBe('#run-18');
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('run-18');
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await expectScreenshotGolden(page, DASHBOARD_GOLDEN, testInfo, { fullPage: true });
  } finally {
    await page.context().close();
  }
});

test('the failure plot: step 2 1.5 dB loud, every step 5 ms late, drawn aligned on the events', async ({ browserPool }, testInfo) => {
  const page = await browserPool.takePage(NO_CAPTURE);
  try {
    const { requests, errors } = await open(page, testInfo.outputPath('plot.svg'), await failurePlotSvg());
    expect(requests, 'requests beyond the file itself').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    const words = await page.locator('svg text').allTextContents();
    expect(words.filter((w) => w === '+1.50 dB'), 'step 2: its four output statistics marked with their deviation').toHaveLength(4);
    for (const label of ['dBFS', 'golden ± tolerance', 'outside tolerance']) expect(words).toContain(label);
    await expectScreenshotGolden(page.locator('svg').first(), FAILURE_PLOT_GOLDEN, testInfo);
  } finally {
    await page.context().close();
  }
});
