/**
 * The soft clip, tanh(drive·x) at 24 dB drive, on a -6 dBFS sine: the output never exceeds full
 * scale, and its RMS is the one computed from tanh, within 0.1 dB. On a stereo fixture
 * (L -6, R -12 dBFS) each channel saturates by its own level: channels stay distinct and unswapped.
 */
import { sineLevels } from '../../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses } from '../../harness/analysis/levelExpectations.ts';
import { tanhSinePeakDb, tanhSineRmsDb } from '../../harness/analysis/saturatorLevels.ts';
import { checkSettledStep } from '../../harness/steps/checkSettledStep.ts';
import { expect, test } from '../../harness/test.ts';

const DRIVE_DB = 24;
const SATURATE = { soft_clip_bypass: 0, soft_clip_drive_db: DRIVE_DB };

test.describe('mono', () => {
  test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

  test('24 dB drive on -6 dBFS: peak ≤ 1.0 and the RMS computed from tanh', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const rmsDb = tanhSineRmsDb(-6, DRIVE_DB);
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: `soft clip ${DRIVE_DB} dB drive (analytic RMS ${rmsDb.toFixed(3)} dBFS)`,
      values: SATURATE,
      input: sineLevels(-6),
      output: { rmsDb: [rmsDb, rmsDb], peakDb: [tanhSinePeakDb(-6, DRIVE_DB), tanhSinePeakDb(-6, DRIVE_DB)] },
      toleranceDb: 0.1,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('saturator', outcome.misses, outcome.problems);
    // Full scale is a hard ceiling, on every window, not just on average.
    const windows = outcome.levels.windows;
    expect(windows).toBeGreaterThan(0);
    expect(Math.max(...outcome.levels.output.peakDb)).toBeLessThanOrEqual(0);
  });
});

test.describe('stereo', () => {
  test.use({ inputWav: 'sine-1k-lm6-rm12dbfs-stereo.wav' });

  test('each channel saturates by its own level', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const left = tanhSineRmsDb(-6, DRIVE_DB);
    const right = tanhSineRmsDb(-12, DRIVE_DB);
    expect(left - right).toBeGreaterThan(0.3); // distinct enough that a swap would show
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: 'stereo saturator',
      values: SATURATE,
      input: sineLevels([-6, -12]),
      output: { rmsDb: [left, right] },
      toleranceDb: 0.1,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('stereo saturator', outcome.misses, outcome.problems);
  });
});
