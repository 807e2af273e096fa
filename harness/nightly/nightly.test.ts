import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, readHistory, type HistoryEntry } from './history.ts';
import { generateHistory } from './generatedHistory.ts';
import { renderTrendPage } from './trendPage.ts';

const entry = (status: string, deviation: number | null): HistoryEntry => ({
  date: '2026-11-28T00:00:00Z',
  wasmPath: '/x.wasm',
  buildSha256: 'a'.repeat(64),
  status,
  passed: 1,
  failed: status === 'failed' ? 1 : 0,
  tests: {
    'wasm › s': {
      outcome: status === 'failed' ? 'unexpected' : 'expected',
      worstDeviationDb: deviation,
      offlineSnrDb: 999,
    },
  },
  worstDeviationDb: deviation,
  dspNsPerFrame: null,
});

describe('nightly history and trend', () => {
  it('appends one line per run and reads them back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'history.jsonl');
    appendHistory(file, entry('passed', 0.01));
    appendHistory(file, entry('failed', 0.4));
    expect(readHistory(file).map((h) => h.status)).toEqual(['passed', 'failed']);
  });

  it('names the line of a corrupt history', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'history.jsonl');
    writeFileSync(file, `${JSON.stringify(entry('passed', 0))}\n{oops\n`);
    expect(() => readHistory(file)).toThrow(/history\.jsonl:2: not valid JSON/);
  });

  it('builds a matrix of tests × runs linking each cell to its run, and marks the regressions in the matrix and the lines', async () => {
    const history = generateHistory({ runs: 30, tests: 6, regressions: [9, 17, 25] });
    const html = await renderTrendPage(history);
    const rows = [...html.matchAll(/<tr class="test"><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(
      Object.keys(history[0]!.tests)
        .sort()
        .map((n) => n.replace('›', '›')),
    );
    for (const [, , cells] of rows) expect(cells!.match(/<td /g)).toHaveLength(30);
    // One failed cell per regression, in the run's column, linking to that run's details.
    const failed = rows.flatMap(([, , cells]) =>
      [...cells!.matchAll(/<td class="(.)"><a href="#run-(\d+)"/g)]
        .filter((m) => m[1] === 'f')
        .map((m) => Number(m[2])),
    );
    expect(failed.sort((a, b) => a - b)).toEqual([10, 18, 26]);
    for (const run of [10, 18, 26]) expect(html).toContain(`<tr id="run-${run}" class="failed">`);
    // The lines: red points for the three failed runs, green for the rest, in both charts.
    expect(html.match(/fill="#d62728"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('run date (UTC)');
    expect(html).toContain('worst deviation (dB)');
    expect(html).toContain('ns per stereo frame');
    // No external requests: no src, no http(s) link, no script.
    expect(html).not.toMatch(/<script|src=|href="https?:/);
    // Two of the three regressions kept their report; the validator failed every other one.
    expect(html).toContain('href="runs/010/html/index.html"');
    expect(html.match(/<tr class="validator">.*?<\/tr>/)![0].match(/class="f"/g)).toHaveLength(2);
  });

  it('shows an inconclusive run on its own: amber cells and rows with the cause, never counted as failed or passed', async () => {
    const history = generateHistory({ runs: 20, tests: 6, regressions: [9], inconclusive: [4, 12] });
    const html = await renderTrendPage(history);
    const cells = [...html.matchAll(/<td class="(.)"><a href="#run-(\d+)" title="([^"]*)"/g)];
    const inconclusive = cells.filter((m) => m[1] === 'i');
    expect(inconclusive.map((m) => Number(m[2])).sort((a, b) => a - b)).toEqual([5, 13]);
    for (const m of inconclusive)
      expect(m[3]).toMatch(/inconclusive: the audio clock ran at 0\.38× real time .*too busy to measure/);
    expect(cells.filter((m) => m[1] === 'f' && !/validator/.test(m[3]!)).map((m) => Number(m[2]))).toContain(10);
    for (const run of [5, 13]) expect(html).toContain(`<tr id="run-${run}" class="inconclusive">`);
    expect(html).toMatch(/1 failed or invalid, 2 inconclusive/);
    expect(html).toContain('inconclusive: wasm › scenario-');
  });
});
