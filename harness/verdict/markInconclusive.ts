/**
 * Turns a failed test into an inconclusive one, from a fixture's teardown, once the test's audio
 * health shows the machine starved the audio. Playwright has no third status: the test ends as
 * skipped with an INCONCLUSIVE annotation naming the cause, and what it would have reported is
 * kept beside it (annotation and attachment), never lost.
 */
import type { TestInfo } from '@playwright/test';
import type { FailureKind } from '../health/audioHealth.ts';
import { INCONCLUSIVE } from './verdict.ts';
import { withoutAnsi } from '../io/withoutAnsi.ts';

/** A page that hung while its browser answered (harness/page/devModePage.ts): never excused. */
const HUNG = /the page hung:/;
/** Messages of a test that ran out of time: Playwright's own, or a harness wait's. */
const OUT_OF_TIME =
  /Test timeout of|Timeout \d+ms exceeded|timed out|did not answer|answered for|stood still|never started|did not happen within/;
/**
 * Messages of a test whose captured input was wrong (harness/page/assertSourceNotSilent.ts, steps/parameterStep.ts).
 */
const BAD_INPUT = /delivered silence|the captured input does not match the fixture/;

/** What the failed test failed on (see FailureKind). */
export function failureKind(testInfo: TestInfo): FailureKind {
  const messages = testInfo.errors.map((e) => e.message ?? e.value ?? '');
  if (messages.some((m) => HUNG.test(m))) return 'hang';
  if (testInfo.status === 'timedOut' || messages.some((m) => OUT_OF_TIME.test(m))) return 'time';
  if (messages.some((m) => BAD_INPUT.test(m))) return 'input';
  return 'measurement';
}

const firstLine = (s: string) =>
  withoutAnsi(s)
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? '';

export async function markInconclusive(testInfo: TestInfo, cause: string): Promise<void> {
  const would = testInfo.errors.map((e) => e.message ?? e.value ?? '').join('\n\n');
  testInfo.annotations.push({
    type: INCONCLUSIVE,
    description: `${cause}. It would have reported: ${firstLine(would)}`,
  });
  await testInfo.attach('inconclusive: what the test would have reported', { body: would, contentType: 'text/plain' });
  // Writable on the test's own TestInfo (Playwright's docs describe both); the runner reads them after teardown.
  const info = testInfo as { status?: TestInfo['status']; expectedStatus: TestInfo['expectedStatus'] };
  info.status = 'skipped';
  info.expectedStatus = 'skipped';
  testInfo.errors.splice(0);
}
