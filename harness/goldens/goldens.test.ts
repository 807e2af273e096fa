import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAudio } from '../analysis/compareAudio.ts';
import { formatGoldenJson, readJsonGolden } from './goldenFiles.ts';
import { goldenDb, liveGoldenSchema, type LiveGolden, type LiveTake } from './liveGolden.ts';
import { aggregateTakes, compareLiveGoldens } from './repeatability.ts';
import { shouldWriteGolden } from './recordMode.ts';
import { checkLiveGolden } from './liveGoldenCheck.ts';
import type { TestInfo } from '@playwright/test';

const dir = mkdtempSync(join(tmpdir(), 'goldens-'));

/** One take of a one-step scenario whose output L RMS is `outputRmsDb`. */
function take(outputRmsDb: number): LiveTake {
  return {
    scenario: 's',
    path: 'mock',
    sampleRate: 48000,
    windowFrames: 480,
    origin: { chromium: '156.0.8078.129', captureSampleRate: 44100, sampleRate: 48000, dspBuildSha256: null },
    steps: [
      {
        set: { input_gain: -6 },
        startFrame: 0,
        settledFromFrame: 2400,
        endFrame: 19200,
        input: { peakDb: [-6, -6], rmsDb: [-9.01, -9.01] },
        output: { peakDb: [-12, -12], rmsDb: [outputRmsDb, -15.01] },
        outputSwingDb: [0.01, 0.01],
      },
    ],
    trace: {
      hopFrames: 1920,
      frames: [0, 1920],
      inputRmsDb: [
        [-9, -9],
        [-9, -9],
      ],
      outputRmsDb: [
        [-15, -15],
        [-15, -15],
      ],
    },
  };
}

/** The golden of three identical takes. */
const golden = (outputRmsDb: number): LiveGolden =>
  aggregateTakes([take(outputRmsDb), take(outputRmsDb), take(outputRmsDb)], 0.1).golden;

describe('record mode', () => {
  it('writes only what the --update-snapshots mode allows', () => {
    const table = (['none', 'missing', 'changed', 'all'] as const).map((mode) =>
      (['missing', 'changed', 'unchanged'] as const).map((state) => shouldWriteGolden(mode, state)),
    );
    expect(table).toEqual([
      [false, false, false],
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});

describe('live golden comparison', () => {
  it('names step, stage, channel and statistic of each deviation beyond tolerance', () => {
    const { outside, structural } = compareLiveGoldens(golden(-15.01), take(-15.3), 0.1);
    expect(structural).toEqual([]);
    expect(outside).toEqual([
      {
        step: 1,
        stage: 'output',
        channel: 'L',
        statistic: 'rms',
        goldenDb: -15.01,
        actualDb: -15.3,
        toleranceDb: 0.1,
        spreadDb: 0,
        takes: 3,
        fromSpread: false,
      },
    ]);
  });

  it('says a change that was applied but had no effect in those words', async () => {
    const twoSteps = (secondOutputDb: number): LiveTake => {
      const g = take(-15.01);
      const first = g.steps[0]!;
      const second = {
        ...first,
        set: { input_gain: -12 },
        startFrame: 19200,
        output: {
          peakDb: [secondOutputDb + 3, secondOutputDb + 3] as [number, number],
          rmsDb: [secondOutputDb, secondOutputDb] as [number, number],
        },
      };
      return {
        ...g,
        scenario: 'no-effect',
        steps: [{ ...first, output: { peakDb: [-12, -12], rmsDb: [-15.01, -15.01] } }, second],
      };
    };
    const goldensDir = mkdtempSync(join(tmpdir(), 'no-effect-'));
    const info = { attach: async () => undefined } as unknown as TestInfo;
    const options = { levelDb: 0.1, strict: false };
    await checkLiveGolden(goldensDir, [twoSteps(-21.01), twoSteps(-21.01), twoSteps(-21.01)], options, 'all', info);
    const checked = await checkLiveGolden(goldensDir, [twoSteps(-15.01)], options, 'none', info);
    expect(checked.problems[0]).toBe(
      "no-effect [mock] step 2 (input_gain = -12): the change was applied (the DSP reported it at frame 19200 from step 1's event) but had no effect on the output: it stays within 0.01 dB of step 1, where the golden moves 6.01 dB (R peak)",
    );
    expect(checked.problems[1]).toMatch(
      /^no-effect \[mock\] step 2 \(input_gain = -12\) output L peak: golden -18\.01 dBFS, actual -12\.01 dBFS/,
    );
  });

  it('accepts deviations within tolerance', () => {
    expect(compareLiveGoldens(golden(-15.01), take(-15.1), 0.1).outside).toEqual([]);
  });

  it('reports a scenario that changed shape', () => {
    const other = { ...take(-15.01), steps: [] };
    expect(compareLiveGoldens(golden(-15.01), other, 0.1).structural[0]).toMatch(/the golden has 1 steps, the run 0/);
  });

  it('rounds to 0.01 dB and floors silence', () => {
    expect(goldenDb(-9.0103)).toBe(-9.01);
    expect(goldenDb(-Infinity)).toBe(-150);
  });
});

describe('golden files', () => {
  it('say which file is corrupt and never parse it half-way', () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"schemaVersion": 2, "steps": [');
    expect(() => readJsonGolden(file, liveGoldenSchema)).toThrow(
      /golden .*corrupt\.json: not valid JSON .*never overwritten outside record mode/,
    );
  });

  it('say where a golden breaks its schema (JSON pointer)', () => {
    const file = join(dir, 'bad.json');
    const bad = golden(-15.01) as unknown as { steps: { output: { rmsDb: unknown } }[] };
    bad.steps[0]!.output.rmsDb = ['loud', -15];
    writeFileSync(file, JSON.stringify(bad));
    expect(() => readJsonGolden(file, liveGoldenSchema)).toThrow(/\/steps\/0\/output\/rmsDb\/0 must be number/);
  });

  it('are null when missing', () => {
    expect(readJsonGolden(join(dir, 'missing.json'), liveGoldenSchema)).toBeNull();
  });

  it('keep arrays of numbers on one line for readable diffs', () => {
    expect(formatGoldenJson({ a: [1, -2.5, 3e-7], b: { c: 'x' } })).toBe(
      '{\n  "a": [1, -2.5, 3e-7],\n  "b": {\n    "c": "x"\n  }\n}\n',
    );
  });
});

describe('audio comparison', () => {
  it('reports SNR, max error and where it is', () => {
    const ref = [Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10)), new Float32Array(1000)];
    const act = ref.map((c) => c.slice());
    act[1]![480] = 0.001;
    const c = compareAudio(ref, act, 48000);
    expect(c.worstChannel).toBe(1);
    expect(c.worstFrame).toBe(480);
    expect(c.worstSeconds).toBeCloseTo(0.01, 9);
    expect(c.maxAbsError).toBeCloseTo(0.001, 9);
    expect(c.snrDb).toBeCloseTo(10 * Math.log10(ref[0]!.reduce((s, x) => s + x * x, 0) / 1e-6), 3);
  });

  it('is infinite for identical audio and -infinite against silence', () => {
    const x = [new Float32Array([0.5, -0.5])];
    expect(compareAudio(x, x, 48000).snrDb).toBe(Infinity);
    expect(compareAudio([new Float32Array(2)], x, 48000).snrDb).toBe(-Infinity);
  });
});
