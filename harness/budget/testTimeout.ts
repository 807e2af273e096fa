/**
 * Test time limits. The limit is a backstop, not a verdict: waits run on the audio clock
 * (harness/page/devModePage.ts) and the audio-health fixture extends a test's limit while its
 * audio still moves, so a slow machine gets the time its audio takes. A test whose audio stops
 * ends at the wait's stall limit, naming what hung, long before this.
 */

/** The starting limit of a test, its fixtures included. */
export const TEST_TIMEOUT_MS = 90_000;

/** Extended by this much at a time while the audio moves... */
export const TIMEOUT_EXTENSION_MS = 30_000;

/** ...up to this in all. */
export const MAX_TEST_TIMEOUT_MS = 10 * 60_000;

/** Auto-waiting assertions (toHaveText, expect.poll): page state, not audio, but a loaded machine renders late. */
export const EXPECT_TIMEOUT_MS = 30_000;

/**
 * The limit a test should have now: extended by TIMEOUT_EXTENSION_MS when less than that is left
 * and the audio moved within the last `recentMs`; never beyond MAX_TEST_TIMEOUT_MS.
 */
export function extendedTimeout(current: number, elapsedMs: number, audioMovedRecently: boolean): number {
  if (current === 0 || !audioMovedRecently || current - elapsedMs >= TIMEOUT_EXTENSION_MS) return current;
  return Math.min(MAX_TEST_TIMEOUT_MS, current + TIMEOUT_EXTENSION_MS);
}
