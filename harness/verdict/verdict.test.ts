/** Reading the third verdict out of Playwright's results, per test and per run. */
import { describe, expect, it } from 'vitest';
import { INCONCLUSIVE, runVerdict, verdictOf } from './verdict.ts';

describe('verdicts', () => {
  it('reads an inconclusive test from a skip with its annotation, and a plain skip as a skip', () => {
    expect(verdictOf({ outcome: 'skipped', annotations: [{ type: INCONCLUSIVE, description: 'too busy' }] })).toBe(
      'inconclusive',
    );
    expect(verdictOf({ outcome: 'skipped', annotations: [{ type: 'skip' }] })).toBe('skipped');
    expect(verdictOf({ outcome: 'expected', annotations: [] })).toBe('passed');
    expect(verdictOf({ outcome: 'unexpected', annotations: [] })).toBe('failed');
    expect(verdictOf({ outcome: 'flaky', annotations: [] })).toBe('failed');
  });

  it('fails a run on any failure, else makes it inconclusive on any inconclusive test', () => {
    expect(runVerdict(['passed', 'inconclusive', 'failed'])).toBe('failed');
    expect(runVerdict(['passed', 'inconclusive', 'skipped'])).toBe('inconclusive');
    expect(runVerdict(['passed', 'skipped'])).toBe('passed');
  });
});
