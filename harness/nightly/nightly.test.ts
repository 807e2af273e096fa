import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, readHistory, type HistoryEntry } from './history.ts';
import { renderTrendPage } from './trendPage.ts';

const entry = (status: string, deviation: number | null): HistoryEntry => ({
  date: '2026-11-28T00:00:00Z',
  wasmPath: '/x.wasm',
  buildSha256: 'a'.repeat(64),
  status,
  passed: 1,
  failed: status === 'failed' ? 1 : 0,
  tests: { 'wasm › s': { outcome: status === 'failed' ? 'unexpected' : 'expected', worstDeviationDb: deviation, offlineSnrDb: 999 } },
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

  it('draws a plot per test with failed runs marked', () => {
    const html = renderTrendPage([entry('passed', 0.01), entry('failed', 0.4)]);
    expect(html).toContain('<h3>wasm › s</h3>');
    expect(html).toContain('<tr class="failed">');
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain('fill="#d1342f"');
  });
});
