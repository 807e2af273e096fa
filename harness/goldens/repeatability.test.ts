import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { LiveTake } from './liveGolden.ts';
import {
  aggregateTakes,
  compareLiveGoldens,
  describeDeviation,
  strictProblems,
  takesDisagree,
} from './repeatability.ts';
import { checkLiveGolden } from './liveGoldenCheck.ts';

interface Reading {
  outputPeak?: [number, number];
  outputRms?: [number, number];
  inputRms?: [number, number];
  swing?: [number, number];
}

/** One take of a one-step scenario: a 1 kHz sine at -6/-12 dBFS in, its output as given. */
function take({
  outputPeak = [-12, -18],
  outputRms = [-15.01, -21.01],
  inputRms = [-9.01, -15.03],
  swing = [0, 0],
}: Reading = {}): LiveTake {
  return {
    scenario: 's',
    path: 'wasm',
    sampleRate: 48000,
    windowFrames: 480,
    origin: { chromium: '156.0.8078.129', captureSampleRate: 44100, sampleRate: 48000, dspBuildSha256: 'a'.repeat(64) },
    steps: [
      {
        set: { oscillator_enabled: 1 },
        startFrame: 0,
        settledFromFrame: 2400,
        endFrame: 19200,
        input: { peakDb: [-6, -12], rmsDb: inputRms },
        output: { peakDb: outputPeak, rmsDb: outputRms },
        outputSwingDb: swing,
      },
    ],
    trace: { hopFrames: 1920, frames: [0], inputRmsDb: [[-9], [-15]], outputRmsDb: [[-15], [-21]] },
  };
}

const row = (readings: ReturnType<typeof aggregateTakes>['readings'], name: string) =>
  readings.find((r) => r.reading === name)!;

describe('a golden from several takes', () => {
  it('keeps each reading that repeats at the middle of its takes, asserted within the tolerance', () => {
    const { golden, readings } = aggregateTakes(
      [
        take({ outputRms: [-15.01, -21.01] }),
        take({ outputRms: [-15.02, -21.0] }),
        take({ outputRms: [-15.03, -21.01] }),
      ],
      0.1,
    );
    expect(golden).toMatchObject({ schemaVersion: 2, takes: 3, levelToleranceDb: 0.1 });
    expect(golden.recordedWith.chromium).toBe('156.0.8078.129');
    const step = golden.steps[0]!;
    expect(step.output.rmsDb).toEqual([-15.02, -21.01]);
    expect(step.spreadDb.output.rmsDb).toEqual([0.02, 0.01]);
    expect(step.toleranceDb.output).toEqual({ peakDb: [0.1, 0.1], rmsDb: [0.1, 0.1] });
    expect(step.notes).toBeUndefined();
    expect(readings.every((r) => r.assertion === 'tolerance' && r.detectableDb === 0.1)).toBe(true);
  });

  it('lets the RMS of the same window stand in for a peak that moves while its RMS holds, and says why', () => {
    const takes = [-7.2, -7.55, -7.9].map((peak) => take({ outputPeak: [peak, -18] }));
    const { golden, readings } = aggregateTakes(takes, 0.1);
    expect(golden.steps[0]!.toleranceDb.output.peakDb).toEqual([null, 0.1]);
    const peak = row(readings, 'output L peak');
    expect(peak).toMatchObject({ assertion: 'rms-instead', spreadDb: 0.7, toleranceDb: null, detectableDb: 0.1 });
    expect(golden.steps[0]!.notes).toEqual([
      "output L peak: moves 0.70 dB over 3 takes: a phase-dependent peak: it moves 0.70 dB between takes while the RMS of the same window holds to 0.00 dB (a generator or a second tone summed in the output, or a transient at the step's start); not asserted; the RMS of the same window is, within ±0.1 dB",
    ]);
    // Test: that peak anywhere passes; the RMS beside it 0.3 dB loud fails.
    expect(compareLiveGoldens(golden, take({ outputPeak: [-5, -18] }), 0.1).outside).toEqual([]);
    const louder = compareLiveGoldens(golden, take({ outputPeak: [-5, -18], outputRms: [-14.71, -21.01] }), 0.1);
    expect(louder.outside.map((d) => `${d.stage} ${d.channel} ${d.statistic}`)).toEqual(['output L rms']);
    expect(louder.notAsserted).toBe(1);
  });

  it('asserts a reading whose RMS moves too within three times its spread, never less than the tolerance, and a failure says so', () => {
    const takes = [-15.0, -15.08, -15.15].map((rms) => take({ outputRms: [rms, -21.01], outputPeak: [rms + 3, -18] }));
    const { golden, readings } = aggregateTakes(takes, 0.1);
    expect(row(readings, 'output L rms')).toMatchObject({
      assertion: 'spread',
      spreadDb: 0.15,
      toleranceDb: 0.45,
      detectableDb: 0.45,
    });
    expect(golden.steps[0]!.output.rmsDb[0]).toBe(-15.07);
    const { outside } = compareLiveGoldens(
      golden,
      take({ outputRms: [-15.59, -21.01], outputPeak: [-12.59, -18] }),
      0.1,
    );
    const rms = outside.find((d) => d.statistic === 'rms')!;
    expect(describeDeviation(rms)).toBe(
      'Δ -0.52 dB; tolerance ±0.45 dB from a recorded take-to-take spread of 0.15 dB (3 takes)',
    );
    // Within the derived tolerance: no failure.
    expect(
      compareLiveGoldens(golden, take({ outputRms: [-15.4, -21.01], outputPeak: [-12.4, -18] }), 0.1).outside,
    ).toEqual([]);
  });

  it('names the cause where the harness can tell: a swing within the step, a level near the capture artefacts', () => {
    const swinging = aggregateTakes(
      [-14.6, -14.8].map((rms) => take({ outputRms: [rms, -21.01], outputPeak: [rms + 3, -18], swing: [0.9, 0] })),
      0.1,
    );
    expect(row(swinging.readings, 'output L rms').cause).toMatch(
      /^the level swings by up to 0\.90 dB within the step \(a modulation such as an LFO/,
    );
    const deep = aggregateTakes(
      [-40.0, -40.12].map((rms) => take({ outputRms: [rms, -21.01], outputPeak: [rms + 3, -18] })),
      0.1,
    );
    expect(row(deep.readings, 'output L rms').cause).toBe(
      "the level is 31 dB under the input: near the capture's artefacts",
    );
  });

  it('asks for more takes while they disagree', () => {
    expect(takesDisagree([take(), take(), take()], 0.1)).toBe(false);
    expect(takesDisagree([take(), take({ outputPeak: [-11.9, -18] })], 0.1)).toBe(true);
  });

  it('with strict, names each reading that does not repeat and what would fix it', () => {
    const { golden, readings } = aggregateTakes(
      [-7.2, -7.9].map((peak) => take({ outputPeak: [peak, -18] })),
      0.1,
    );
    expect(strictProblems(golden, readings)).toEqual([
      expect.stringMatching(
        /^s \[wasm\] step 1 \(oscillator_enabled = 1\) output L peak does not repeat: 0\.70 dB over 2 takes, against ±0\.1 dB: a phase-dependent peak.*The scenario is strict, so nothing was recorded: take the second tone out of the step/,
      ),
    ]);
  });
});

describe('record and test against a golden of takes', () => {
  const info = { attach: async () => undefined } as unknown as TestInfo;
  const options = { levelDb: 0.1, strict: false };

  it('keeps a golden whose takes still hold, rewrites one whose claim no longer does, and never writes outside record mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takes-'));
    const file = join(dir, 'wasm', 's.json');
    const first = await checkLiveGolden(dir, [take(), take(), take()], options, 'changed', info);
    expect(first.written).toEqual([expect.stringMatching(/wasm\/s\.json$/)]);
    const text = readFileSync(file, 'utf8');
    const again = await checkLiveGolden(dir, [take(), take(), take()], options, 'changed', info);
    expect(again.written).toEqual([]);
    // A peak the new takes show moving: the golden's claim that it repeats no longer holds.
    const moving = [-12, -12.4, -12.8].map((peak) => take({ outputPeak: [peak, -18] }));
    expect((await checkLiveGolden(dir, moving, options, 'changed', info)).written).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).not.toBe(text);
    const after = readFileSync(file, 'utf8');
    await checkLiveGolden(dir, [take({ outputRms: [-10, -10] })], options, 'none', info);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('a golden from an earlier harness fails in test mode saying so, and record writes it anew', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takes-old-'));
    const file = join(dir, 'wasm', 's.json');
    const { golden } = aggregateTakes([take()], 0.1);
    await checkLiveGolden(dir, [take()], options, 'all', info);
    writeFileSync(file, JSON.stringify({ ...golden, schemaVersion: 1 }));
    const tested = await checkLiveGolden(dir, [take()], options, 'none', info);
    expect(tested.problems).toEqual([
      expect.stringMatching(
        /was recorded by an earlier harness \(golden schema 1, now 2: it keeps no take-to-take spread\)/,
      ),
    ]);
    const recorded = await checkLiveGolden(dir, [take(), take(), take()], options, 'changed', info);
    expect(recorded.written).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(2);
  });

  it('with strict, records nothing that does not repeat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takes-strict-'));
    const moving = [-12, -12.8].map((peak) => take({ outputPeak: [peak, -18] }));
    const checked = await checkLiveGolden(dir, moving, { levelDb: 0.1, strict: true }, 'changed', info);
    expect(checked.written).toEqual([]);
    expect(checked.problems[0]).toMatch(/output L peak does not repeat: 0\.80 dB over 2 takes/);
  });

  it('leads a failure under another Chromium, capture rate or build with where the golden was made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takes-origin-'));
    await checkLiveGolden(dir, [take(), take(), take()], options, 'changed', info);
    const elsewhere = {
      ...take({ outputRms: [-14.5, -21.01] }),
      origin: { chromium: '153.0.8010.0', captureSampleRate: 48000, sampleRate: 48000, dspBuildSha256: 'a'.repeat(64) },
    };
    const checked = await checkLiveGolden(dir, [elsewhere], options, 'none', info);
    expect(checked.problems[0]).toMatch(
      /^s \[wasm\] step 1 \(oscillator_enabled = 1\) output L rms: \(recorded with Chromium 156\.0\.8078\.129, running 153\.0\.8010\.0; fake capture recorded at 44100 Hz, running at 48000 Hz\) golden -15\.01 dBFS, actual -14\.50 dBFS \(Δ \+0\.51 dB, ±0\.1/,
    );
  });
});
