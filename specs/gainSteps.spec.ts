/**
 * The walking skeleton's live test: a -6 dBFS 1 kHz sine through fake capture, `input_gain`
 * stepped over the dev server, and the settled meters checked against the analytic levels on
 * the probe trace, the page's meter display, and the meterUpdate relay seen by a second client.
 */
import type { ExpectedInput } from '../harness/analysis/captureDropouts.ts';
import { assertNoLevelMisses, compareStageLevels, type ExpectedStageLevels, type LevelMiss } from '../harness/analysis/levelExpectations.ts';
import { applyParameterStep, measureSettled } from '../harness/steps/parameterStep.ts';
import { readDisplayOnCleanInput, relayedReadings } from '../harness/steps/settledReadings.ts';
import { test } from '../harness/test.ts';

const SINE_RMS_BELOW_PEAK_DB = 10 * Math.log10(2); // 3.0103 dB
const INPUT_PEAK_DB = -6;
const TOLERANCE_DB = 0.1;
const GAIN_STEPS_DB = [0, -6, -20];

/** Analytic levels of the -6 dBFS sine after `gainDb`, on both channels (mono is duplicated). */
function sineLevels(gainDb: number): Required<ExpectedStageLevels> {
  const peak = INPUT_PEAK_DB + gainDb;
  const rms = peak - SINE_RMS_BELOW_PEAK_DB;
  return { peakDb: [peak, peak], rmsDb: [rms, rms] };
}

const expectedInput: ExpectedInput = { rmsDb: sineLevels(0).rmsDb, toleranceDb: TOLERANCE_DB };

test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

test('input_gain steps 0 / -6 / -20 dB give the analytic output levels', async ({ devModePage, rpc }, testInfo) => {
  await devModePage.startTrace();
  const misses: LevelMiss[] = [];
  const problems: string[] = [];
  const latencies: string[] = [];

  for (const [index, gainDb] of GAIN_STEPS_DB.entries()) {
    const label = `step ${index + 1} (input_gain ${gainDb} dB)`;
    const expectedOutput = sineLevels(gainDb);
    const step = await applyParameterStep(rpc, devModePage, { input_gain: gainDb });
    const relayFrom = rpc.meterUpdates.length;

    // 1. The probe trace: sample-accurate windows after the ramp.
    const { levels, trace, dropouts } = await measureSettled(devModePage, step, { expectedInput });
    misses.push(...compareStageLevels(label, 'input', levels.input, sineLevels(0), TOLERANCE_DB));
    misses.push(...compareStageLevels(label, 'output', levels.output, expectedOutput, TOLERANCE_DB));

    // 2. The page's meter display, read while the step still holds.
    const display = await readDisplayOnCleanInput(devModePage, levels.fromFrame, expectedInput);
    const shown = { peakDb: [display.output[0].peakDb, display.output[1].peakDb] as [number, number], rmsDb: [display.output[0].rmsDb, display.output[1].rmsDb] as [number, number] };
    misses.push(...compareStageLevels(label, 'display', shown, expectedOutput, TOLERANCE_DB));
    // What a person sees must be the same number, rounded to 0.1 dB.
    const visible = display.output[0].text.replace(/\s+/g, ' ');
    if (!visible.includes(`${display.output[0].peakDb.toFixed(1)} dBFS`)) {
      problems.push(`${label}: the meter display text "${visible}" does not show its own peak ${display.output[0].peakDb.toFixed(1)} dBFS`);
    }

    // 3. The meterUpdate relay seen by the harness's own WebSocket client, inside the settled span.
    const relayed = relayedReadings(rpc.meterUpdates.slice(relayFrom), trace, levels.fromFrame, levels.toFrame, expectedInput);
    if (relayed.length < 5) {
      problems.push(`${label}: only ${relayed.length} meterUpdate notifications over clean input were relayed for the settled span (expected ≥ 5 at ~60 Hz)`);
    }
    relayed.forEach((r, i) => misses.push(...compareStageLevels(`${label} relay #${i}`, 'meterUpdate', r.output, expectedOutput, TOLERANCE_DB)));

    const latencyMs = step.latencyMs['input_gain']!;
    latencies.push(`${label}: ${latencyMs.toFixed(1)} ms to frame ${step.effectiveFrame}`);
    testInfo.annotations.push({
      type: 'levels',
      description:
        `${label}: output peak ${levels.output.peakDb.map((d) => d.toFixed(3)).join('/')} dBFS, ` +
        `rms ${levels.output.rmsDb.map((d) => d.toFixed(3)).join('/')} dBFS ` +
        `(analytic ${expectedOutput.peakDb[0].toFixed(3)} / ${expectedOutput.rmsDb[0].toFixed(3)}); ` +
        `${levels.windows} windows, ${dropouts.length} capture dropouts skipped; ${relayed.length} relayed updates checked`,
    });
  }

  testInfo.annotations.push({ type: 'setParameter latency', description: latencies.join('; ') });
  console.log(`[latency] ${latencies.join('\n[latency] ')}`);
  assertNoLevelMisses('input_gain steps', misses, problems);
});
