/**
 * Every audio source of the dev-mode page reaches the DSP at its exact level: the test tone,
 * a file through the page's file input, and a stereo file through fake capture (channels kept apart).
 */
import { sineLevels } from '../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses } from '../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../harness/steps/checkSettledStep.ts';
import { test } from '../harness/test.ts';

const TOLERANCE_DB = 0.1;

test.describe('test tone', () => {
  test.use({ audioSource: 'tone', tone: { frequencyHz: 1000, levelDb: -20 } });

  test('a -20 dBFS tone with output_gain -6 dB reads -26 dBFS peak', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: 'tone, output_gain -6 dB',
      values: { output_gain: -6 },
      input: sineLevels(-20),
      output: sineLevels(-26),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('tone source', outcome.misses, outcome.problems);
  });
});

test.describe('file input', () => {
  test.use({ audioSource: 'file', inputWav: 'sine-1k-m20dbfs-stereo.wav' });

  test('a -20 dBFS stereo file played through the file input keeps its level; bypass ignores the gains', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const gained = await checkSettledStep(rpc, devModePage, {
      label: 'file, input_gain +12 dB',
      values: { input_gain: 12 },
      input: sineLevels(-20),
      output: sineLevels(-8),
      toleranceDb: TOLERANCE_DB,
    });
    const bypassed = await checkSettledStep(rpc, devModePage, {
      label: 'file, bypass',
      values: { bypass: 1 },
      input: sineLevels(-20),
      output: sineLevels(-20),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: `${gained.summary}\n${bypassed.summary}` });
    assertNoLevelMisses('file source', [...gained.misses, ...bypassed.misses], [...gained.problems, ...bypassed.problems]);
  });
});

test.describe('stereo capture', () => {
  test.use({ inputWav: 'sine-1k-lm6-rm12dbfs-stereo.wav' });

  test('left -6 dBFS and right -12 dBFS arrive on their own channels', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: 'stereo L/R, input_gain -3 dB',
      values: { input_gain: -3 },
      input: sineLevels([-6, -12]),
      output: sineLevels([-9, -15]),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('stereo capture', outcome.misses, outcome.problems);
  });
});
