/**
 * The harness's own report pages, opened in Chromium as a person opens them: the nightly
 * dashboard (30 runs, 3 regressions, 1 inconclusive run) and the failure plot of gain-steps-mono
 * with step 2 1.5 dB loud and every step 5 ms late. No console error, no request beyond the page
 * itself; axis titles, legends, the matrix and its links; screenshot goldens (not one pixel off).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compareLiveGoldens, type LiveGolden } from '../../harness/goldens/liveGolden.ts';
import { NO_CAPTURE } from '../../harness/browser/browserPool.ts';
import { generateHistory } from '../../harness/nightly/generatedHistory.ts';
import { renderTrendPage } from '../../harness/nightly/trendPage.ts';
import { meterTraceChart } from '../../harness/report/charts/meterTraceChart.ts';
import { renderChartSvg } from '../../harness/report/charts/renderChart.ts';
import { expect, test } from '../../harness/test.ts';

const golden = JSON.parse(readFileSync(new URL('../../goldens/wasm/gain-steps-mono.json', import.meta.url), 'utf8')) as LiveGolden;

/** Opens `html` from a file in a fresh page; returns the page, the requests it made and its console errors. */
async function open(page: Page, file: string, html: string): Promise<{ requests: string[]; errors: string[] }> {
  writeFileSync(file, html);
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
  const history = generateHistory({ runs: 30, tests: 6, regressions: [9, 17, 25], inconclusive: [5] });
  const page = await browserPool.takePage(NO_CAPTURE);
  try {
    const { requests, errors } = await open(page, testInfo.outputPath('trend.html'), await renderTrendPage(history));
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
    await expect(page).toHaveScreenshot('trend-30-runs-3-regressions-1-inconclusive.png', { fullPage: true, maxDiffPixels: 0 });
  } finally {
    await page.context().close();
  }
});

test('the failure plot: step 2 1.5 dB loud, every step 5 ms late, drawn aligned on the events', async ({ browserPool }, testInfo) => {
  const actual = structuredClone(golden);
  const step = actual.steps[1]!;
  const end = actual.steps[2]?.startFrame ?? step.endFrame;
  step.output.rmsDb = step.output.rmsDb.map((v) => v + 1.5) as [number, number];
  step.output.peakDb = step.output.peakDb.map((v) => v + 1.5) as [number, number];
  const inStep = (i: number) => actual.trace.frames[i]! >= step.startFrame && actual.trace.frames[i]! < end;
  actual.trace.outputRmsDb = actual.trace.outputRmsDb.map((c) => c.map((v, i) => (inStep(i) ? v + 1.5 : v))) as [
    number[],
    number[],
  ];
  for (const s of actual.steps) {
    s.startFrame += 240;
    s.settledFromFrame += 240;
    s.endFrame += 240;
  }
  actual.trace.frames = actual.trace.frames.map((f) => f + 240);
  const { outside } = compareLiveGoldens(golden, actual, 0.1);
  const svg = await renderChartSvg(meterTraceChart({ golden, actual, toleranceDb: 0.1, outside }));
  const page = await browserPool.takePage(NO_CAPTURE);
  try {
    const { requests, errors } = await open(page, testInfo.outputPath('plot.html'), `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">${svg}</body>`);
    expect(requests, 'requests beyond the page itself').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
    const words = await page.locator('svg text').allTextContents();
    expect(words.filter((w) => w === '+1.50 dB'), 'step 2: its four output statistics marked with their deviation').toHaveLength(4);
    for (const label of ['dBFS', 'golden ± tolerance', 'outside tolerance']) expect(words).toContain(label);
    await expect(page.locator('svg').first()).toHaveScreenshot('failure-plot-gain-step-2-plus-1-5db.png', { maxDiffPixels: 0 });
  } finally {
    await page.context().close();
  }
});
