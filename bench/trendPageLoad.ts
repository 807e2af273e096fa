/**
 * The nightly dashboard at a year of history: the size of reports/trend.html and the time
 * Chromium takes to load and lay it out, for 365 generated runs against 30 (the baseline, in the
 * same run). Also the time to render it in Node.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchChromium } from '../harness/browser/launchChromium.ts';
import { generateHistory } from '../harness/nightly/generatedHistory.ts';
import { renderTrendPage } from '../harness/nightly/trendPage.ts';
import { stats, type Stats } from './stats.ts';

export interface TrendPageFigures {
  runs: number;
  tests: number;
  bytes: number;
  renderMs: Stats;
  loadMs: Stats;
}

export async function measureTrendPage(
  runCounts: number[],
  tests: number,
  repeats: number,
): Promise<TrendPageFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'trend-'));
  const browser = await launchChromium(requireChromium().path);
  try {
    const figures: TrendPageFigures[] = [];
    for (const runs of runCounts) {
      const history = generateHistory({
        runs,
        tests,
        regressions: Array.from({ length: Math.ceil(runs / 30) }, (_, i) => i * 30 + 9),
      });
      const render: number[] = [];
      const load: number[] = [];
      let html = '';
      for (let r = 0; r < repeats; r++) {
        const t0 = performance.now();
        html = await renderTrendPage(history);
        render.push(performance.now() - t0);
      }
      const file = join(dir, `trend-${runs}.html`);
      writeFileSync(file, html);
      for (let r = 0; r < repeats; r++) {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        // Layout done: the runs table's last row has a box.
        await page.locator('table.runs tr').last().boundingBox();
        load.push(performance.now() - t0);
        await page.close();
      }
      figures.push({ runs, tests, bytes: Buffer.byteLength(html), renderMs: stats(render), loadMs: stats(load) });
    }
    return figures;
  } finally {
    await browser.close();
  }
}
