/**
 * The reference chain's RBJ lowpass at 1 kHz, Q 0.707: a 100 Hz sine passes and a 10 kHz sine
 * drops by the biquad's magnitude response, within 0.1 dB of the analytic value.
 */
import { sineLevels } from '../../harness/analysis/analyticLevels.ts';
import { biquadMagnitudeDb } from '../../harness/analysis/biquadResponse.ts';
import { assertNoLevelMisses } from '../../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../../harness/steps/checkSettledStep.ts';
import { test } from '../../harness/test.ts';

const LOWPASS = { filter_mode: 1, filter_cutoff: 1000, filter_q: 0.707 };

for (const frequencyHz of [100, 10_000]) {
  test.describe(`${frequencyHz} Hz sine`, () => {
    test.use({ inputWav: frequencyHz === 100 ? 'sine-100-m6dbfs-mono.wav' : 'sine-10k-m6dbfs-mono.wav' });

    test(`lowpass 1 kHz Q 0.707 gives the biquad's response at ${frequencyHz} Hz`, async ({ devModePage, rpc }, testInfo) => {
      const sampleRate = (await devModePage.status()).sampleRate!;
      const responseDb = biquadMagnitudeDb('lowpass', 1000, 0.707, frequencyHz, sampleRate);
      await devModePage.startTrace();
      const outcome = await checkSettledStep(rpc, devModePage, {
        label: `lowpass at ${frequencyHz} Hz (|H| ${responseDb.toFixed(3)} dB)`,
        values: LOWPASS,
        input: sineLevels(-6),
        output: sineLevels(-6 + responseDb),
        toleranceDb: 0.1,
      });
      testInfo.annotations.push({ type: 'levels', description: outcome.summary });
      assertNoLevelMisses('lowpass', outcome.misses, outcome.problems);
    });
  });
}
