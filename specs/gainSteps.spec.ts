/**
 * The walking skeleton's live test: a -6 dBFS 1 kHz sine through fake capture, `input_gain`
 * stepped over the dev server, and the settled meters checked against the analytic levels on
 * the probe trace, the page's meter display, and the meterUpdate relay seen by a second client.
 */
import { sineLevels } from '../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses, type LevelMiss } from '../harness/analysis/levelExpectations.ts';
import { checkSettledStep } from '../harness/steps/checkSettledStep.ts';
import { test } from '../harness/test.ts';

const INPUT_PEAK_DB = -6;
const TOLERANCE_DB = 0.1;

test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

test('input_gain steps 0 / -6 / -20 dB give the analytic output levels', async ({ devModePage, rpc }, testInfo) => {
  await devModePage.startTrace();
  const misses: LevelMiss[] = [];
  const problems: string[] = [];
  const latencies: string[] = [];
  for (const [index, gainDb] of [0, -6, -20].entries()) {
    const outcome = await checkSettledStep(rpc, devModePage, {
      label: `step ${index + 1} (input_gain ${gainDb} dB)`,
      values: { input_gain: gainDb },
      input: sineLevels(INPUT_PEAK_DB),
      output: sineLevels(INPUT_PEAK_DB + gainDb),
      toleranceDb: TOLERANCE_DB,
    });
    misses.push(...outcome.misses);
    problems.push(...outcome.problems);
    latencies.push(`input_gain ${gainDb} dB: ${outcome.step.latencyMs['input_gain']!.toFixed(1)} ms to frame ${outcome.step.effectiveFrame}`);
    testInfo.annotations.push({ type: 'levels', description: outcome.summary });
  }
  testInfo.annotations.push({ type: 'setParameter latency', description: latencies.join('; ') });
  console.log(latencies.map((l) => `[latency] ${l}`).join('\n'));
  assertNoLevelMisses('input_gain steps', misses, problems);
});
