/**
 * The run's verdict line when nothing was checked: a run that failed outside every test (no test
 * matched --grep, global set-up threw) is `failed`, never `passed` with 0 tests.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FullConfig, FullResult } from '@playwright/test/reporter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SummaryReporter, { type Summary } from './summaryReporter.ts';

function endRun(status: FullResult['status']): { summary: Summary; printed: string } {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'summary-reporter-')), 'summary.json');
  const reporter = new SummaryReporter({ outputFile });
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  reporter.onBegin({ rootDir: '/suite' } as FullConfig);
  reporter.onEnd({ status, startTime: new Date(), duration: 1 });
  return { summary: JSON.parse(readFileSync(outputFile, 'utf8')) as Summary, printed: printed.join('\n') };
}

describe('the summary reporter verdict', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is failed, and says why, when the run failed with no test run', () => {
    const { summary, printed } = endRun('failed');
    expect(summary.verdict).toBe('failed');
    expect(printed).toContain('wavecraft verdict: failed (0 passed, 0 failed, 0 inconclusive, 0 skipped)');
    expect(printed).toContain('no test ran (does --grep match a scenario title');
  });

  it('is passed for a passed run', () => {
    expect(endRun('passed').summary.verdict).toBe('passed');
  });
});
