/**
 * The harness's three verdicts on a test, and how they are read from Playwright's results.
 *
 * - passed: measured, and it matched;
 * - failed: measured on clean audio (or on a machine that was not starved), and it did not match;
 * - inconclusive: the machine starved the audio beyond the thresholds in `audioHealth.ts`, so the
 *   measurement says nothing about the DSP. Never a failure, never a pass.
 *
 * Playwright knows no third status: an inconclusive test ends as `skipped` with an annotation of
 * type INCONCLUSIVE that names the cause with figures. Every report (summary.json, JUnit,
 * history.jsonl, the trend page, the nightly's exit code) reads the verdict through `verdictOf`.
 */

export type Verdict = 'passed' | 'failed' | 'inconclusive' | 'skipped';

/** Annotation type on an inconclusive test; its description is the cause. */
export const INCONCLUSIVE = 'inconclusive';

/** Annotation type with the test's measured audio health (one line), on every live test. */
export const AUDIO_HEALTH = 'audio-health';

/**
 * The nightly's exit code when no test failed but at least one was inconclusive (0 all passed, 1 a failure, 2 an
 * invalid module).
 */
export const INCONCLUSIVE_EXIT_CODE = 3;

interface ResultLike {
  /** Playwright's TestCase.outcome(): 'expected' | 'unexpected' | 'flaky' | 'skipped'. */
  outcome: string;
  annotations: readonly { type: string; description?: string | undefined }[];
}

export function verdictOf(test: ResultLike): Verdict {
  if (test.outcome === 'unexpected' || test.outcome === 'flaky') return 'failed';
  if (test.outcome === 'skipped')
    return test.annotations.some((a) => a.type === INCONCLUSIVE) ? 'inconclusive' : 'skipped';
  return 'passed';
}

/** The run's verdict from its tests' verdicts: any failure fails it; else any inconclusive makes it inconclusive. */
export function runVerdict(verdicts: readonly Verdict[]): 'passed' | 'failed' | 'inconclusive' {
  if (verdicts.includes('failed')) return 'failed';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return 'passed';
}
