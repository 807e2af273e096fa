/**
 * The reference chain's tone filter at 1 kHz, Q 0.707, low-pass and band-pass: a 100 Hz and a
 * 10 kHz sine come out at the RBJ cookbook magnitude response, within 0.1 dB of the analytic value.
 */
import { sineLevels } from '../../harness/analysis/analyticLevels.ts';
import { biquadMagnitudeDb } from '../../harness/analysis/biquadResponse.ts';
import { assertNoLevelMisses } from '../../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../../harness/steps/checkSettledStep.ts';
import { test } from '../../harness/test.ts';

const MODES = [
  ['lowpass', 0],
  ['bandpass', 2],
] as const;

for (const frequencyHz of [100, 10_000]) {
  test.describe(`${frequencyHz} Hz sine`, () => {
    test.use({ inputWav: frequencyHz === 100 ? 'sine-100-m6dbfs-mono.wav' : 'sine-10k-m6dbfs-mono.wav' });

    for (const [kind, mode] of MODES) {
      test(`${kind} 1 kHz Q 0.707 gives the RBJ response at ${frequencyHz} Hz`, async ({
        devModePage,
        rpc,
      }, testInfo) => {
        const sampleRate = (await devModePage.status()).sampleRate!;
        const responseDb = biquadMagnitudeDb(kind, 1000, 0.707, frequencyHz, sampleRate);
        await devModePage.startTrace();
        const outcome = await checkSettledStep(rpc, devModePage, {
          label: `${kind} at ${frequencyHz} Hz (|H| ${responseDb.toFixed(3)} dB)`,
          values: {
            tone_filter_bypass: 0,
            tone_filter_mode: mode,
            tone_filter_cutoff_hz: 1000,
            tone_filter_resonance_q: 0.707,
          },
          input: sineLevels(-6),
          output: sineLevels(-6 + responseDb),
          toleranceDb: 0.1,
        });
        testInfo.annotations.push({ type: 'levels', description: outcome.summary });
        assertNoLevelMisses(kind, outcome.misses, outcome.problems);
      });
    }
  });
}
