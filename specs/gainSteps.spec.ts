/**
 * The walking skeleton's live test: a -6 dBFS 1 kHz sine through fake capture, `input_trim_level`
 * (a linear level) stepped over the dev server, and the settled meters checked against the analytic levels on
 * the probe trace, the page's meter display, and the meterUpdate relay seen by a second client.
 */
import { linearToDb } from '../contracts/meters/decibels.ts';
import { sineLevels } from '../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses, type LevelMiss } from '../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../harness/steps/checkSettledStep.ts';
import { test } from '../harness/test.ts';

const INPUT_PEAK_DB = -6;
const TOLERANCE_DB = 0.1;

test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

test('input_trim_level steps 1 / 0.5 / 0.1 give the analytic output levels', async ({ devModePage, rpc }, testInfo) => {
  await devModePage.startTrace();
  const misses: LevelMiss[] = [];
  const problems: string[] = [];
  const latencies: string[] = [];
  for (const [index, level] of [1, 0.5, 0.1].entries()) {
    const gainDb = linearToDb(level);
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: `step ${index + 1} (input_trim_level ${level} = ${gainDb.toFixed(2)} dB)`,
      values: { input_trim_level: level },
      input: sineLevels(INPUT_PEAK_DB),
      output: sineLevels(INPUT_PEAK_DB + gainDb),
      toleranceDb: TOLERANCE_DB,
    });
    misses.push(...outcome.misses);
    problems.push(...outcome.problems);
    latencies.push(
      `input_trim_level ${level}: ${outcome.step.latencyMs['input_trim_level']!.toFixed(1)} ms to frame ${outcome.step.effectiveFrame}`,
    );
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
  }
  testInfo.annotations.push({ type: 'setParameter latency', description: latencies.join('; ') });
  console.log(latencies.map((l) => `[latency] ${l}`).join('\n'));
  assertNoLevelMisses('input_trim_level steps', misses, problems);
});
