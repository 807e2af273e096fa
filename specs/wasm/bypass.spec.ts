/**
 * Every processor's own bypass engaged passes the input through unchanged, however the chain is
 * set; and each bypass alone removes exactly its own processor (reference DSP, analytic levels).
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { sineLevels } from '../../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses } from '../../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../../harness/steps/checkSettledStep.ts';
import { expect, test } from '../../harness/test.ts';

test.use({ inputWav: 'sine-1k-lm6-rm12dbfs-stereo.wav' });

test('all four bypasses give output levels equal to input levels with every processor engaged', async ({
  devModePage,
  rpc,
}, testInfo) => {
  await devModePage.startTrace();
  const engaged = {
    input_trim_level: 2,
    soft_clip_bypass: 0,
    soft_clip_drive_db: 18,
    tone_filter_bypass: 0,
    tone_filter_mode: 1,
    tone_filter_cutoff_hz: 5000,
    tone_filter_resonance_q: 2,
    output_gain_level: 0.1,
  };
  const active = await checkSettledStep(rpc, devModePage, {
    label: 'chain engaged',
    values: engaged,
    input: sineLevels([-6, -12]),
    output: {},
    toleranceDb: 0.1,
    allViews: false,
  });
  // The engaged chain really changes the signal, so the bypass check below means something.
  expect(Math.abs(active.levels.output.rmsDb[0] - active.levels.input.rmsDb[0])).toBeGreaterThan(1);

  const bypassed = await checkSettledStep(rpc, devModePage, {
    label: 'every processor bypassed',
    values: { input_trim_bypass: 1, soft_clip_bypass: 1, tone_filter_bypass: 1, output_gain_bypass: 1 },
    input: sineLevels([-6, -12]),
    output: sineLevels([-6, -12]),
    toleranceDb: 0.1,
  });
  testInfo.annotations.push({ type: 'levels', description: `${active.summary}\n${bypassed.summary}` });
  assertNoLevelMisses('bypass', bypassed.misses, bypassed.problems);
  // Sample for sample: every settled window's output equals its input exactly.
  const trace = await devModePage.readTrace();
  const settled = trace.windows.filter(
    (w) => w.frame >= bypassed.levels.fromFrame && w.frame < bypassed.levels.toFrame,
  );
  for (const w of settled) {
    for (const ch of [0, 1]) {
      expect(w.outputPeak[ch], `window ${w.frame} ch ${ch} peak`).toBe(w.inputPeak[ch]);
      expect(linearToDb(w.outputRms[ch]!)).toBeCloseTo(linearToDb(w.inputRms[ch]!), 9);
    }
  }
});
