/**
 * The fixtures that watch a test rather than drive it: `phases` (where its time goes, the `phases`
 * annotation) and the automatic `audioHealth`, which watches the machine and the audio clock of
 * every live page the test opens, gives the test the time its audio takes, annotates it with what
 * it measured, and turns a failure on starved audio into an inconclusive verdict naming the cause.
 */
import type { Fixtures } from '@playwright/test';
import { extendedTimeout } from '../budget/testTimeout.ts';
import { AudioHealthWatcher } from '../health/audioHealthWatch.ts';
import { describeHealth } from '../health/audioHealth.ts';
import { PhaseTimer, PHASES_ANNOTATION } from '../health/phaseTimer.ts';
import { failureKind, markInconclusive } from '../verdict/markInconclusive.ts';
import { AUDIO_HEALTH } from '../verdict/verdict.ts';
import type { TestFixtures, WorkerFixtures } from './fixtureTypes.ts';

/** A test whose audio moved within this much wall time is still playing: its limit is extended. */
const MOVING_WITHIN_MS = 5000;

export const audioHealthFixtures: Fixtures<TestFixtures, WorkerFixtures> = {
  phases: async ({}, use, testInfo) => {
    const phases = new PhaseTimer();
    await use(phases);
    if (phases.totals.size > 0) testInfo.annotations.push({ type: PHASES_ANNOTATION, description: phases.toJson() });
  },

  audioHealth: [
    async ({ machineSampler, phases }, use, testInfo) => {
      const watcher = new AudioHealthWatcher(machineSampler);
      // While the audio moves, the test gets the time it takes (the limit is a backstop, not a verdict).
      const extender = setInterval(() => {
        const elapsed = performance.now() - watcher.startedAt;
        const next = extendedTimeout(testInfo.timeout, elapsed, watcher.audioMoved(MOVING_WITHIN_MS));
        if (next !== testInfo.timeout) testInfo.setTimeout(next);
      }, 1000);
      extender.unref();
      await use({
        watch: (page) => watcher.watch(page),
        starvation: (kind, span = 'test') => watcher.starvation(kind, span),
        markMeasuring: () => watcher.markMeasuring(),
      });
      clearInterval(extender);
      const polledMs = await watcher.stop();
      if (polledMs !== null) phases.add('health polling', polledMs, 0);
      testInfo.annotations.push({ type: AUDIO_HEALTH, description: describeHealth(watcher.health('test')) });
      if (testInfo.status === 'failed' || testInfo.status === 'timedOut') {
        const kind = failureKind(testInfo);
        // A mismatch is judged on the audio it was measured on; running out of time, on the whole test.
        const cause = watcher.starvation(kind, kind === 'measurement' ? 'measurement' : 'test');
        if (cause) await markInconclusive(testInfo, cause);
      }
    },
    { auto: true },
  ],
};
