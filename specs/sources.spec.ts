/**
 * Every audio source of the dev-mode page reaches the DSP at its exact level: the test tone,
 * a file through the page's file input, and a stereo file through fake capture (channels kept apart).
 */
import { linearToDb } from '../contracts/meters/decibels.ts';
import { sineLevels } from '../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses } from '../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../harness/steps/checkSettledStep.ts';
import { test } from '../harness/test.ts';

const TOLERANCE_DB = 0.1;

test.describe('test tone', () => {
  test.use({ audioSource: 'tone', tone: { frequencyHz: 1000, levelDb: -20 } });

  test('a -20 dBFS tone with output_gain_level 0.5 reads -26.02 dBFS peak', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: 'tone, output_gain_level 0.5 (-6.02 dB)',
      values: { output_gain_level: 0.5 },
      input: sineLevels(-20),
      output: sineLevels(-20 + linearToDb(0.5)),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('tone source', outcome.misses, outcome.problems);
  });
});

test.describe('file input', () => {
  test.use({ audioSource: 'file', inputWav: 'sine-1k-m20dbfs-stereo.wav' });

  test('a -20 dBFS stereo file played through the file input keeps its level; the input trim bypass ignores its level', async ({
    devModePage,
    rpc,
  }, testInfo) => {
    await devModePage.startTrace();
    const gained = await checkSettledStep(rpc, devModePage, {
      label: 'file, input_trim_level 2 (+6.02 dB)',
      values: { input_trim_level: 2 },
      input: sineLevels(-20),
      output: sineLevels(-20 + linearToDb(2)),
      toleranceDb: TOLERANCE_DB,
    });
    const bypassed = await checkSettledStep(rpc, devModePage, {
      label: 'file, input_trim_bypass',
      values: { input_trim_bypass: 1 },
      input: sineLevels(-20),
      output: sineLevels(-20),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: `${gained.summary}\n${bypassed.summary}` });
    assertNoLevelMisses(
      'file source',
      [...gained.misses, ...bypassed.misses],
      [...gained.problems, ...bypassed.problems],
    );
  });
});

test.describe('stereo capture', () => {
  test.use({ inputWav: 'sine-1k-lm6-rm12dbfs-stereo.wav' });

  test('left -6 dBFS and right -12 dBFS arrive on their own channels', async ({ devModePage, rpc }, testInfo) => {
    await devModePage.startTrace();
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: 'stereo L/R, input_trim_level 0.7 (-3.10 dB)',
      values: { input_trim_level: 0.7 },
      input: sineLevels([-6, -12]),
      output: sineLevels([-6 + linearToDb(0.7), -12 + linearToDb(0.7)]),
      toleranceDb: TOLERANCE_DB,
    });
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
    assertNoLevelMisses('stereo capture', outcome.misses, outcome.problems);
  });
});
