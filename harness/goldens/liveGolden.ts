/**
 * Live golden: the settled meter statistics of each step of a scenario on one DSP path, in dBFS
 * rounded to 0.01 dB (readable diffs), plus a downsampled trace for plots.
 * File: goldens/<path>/<scenario>.json, schema below (`schemaVersion` 1).
 */
import type { StageLevels } from '../analysis/meterTrace.ts';

export const LIVE_GOLDEN_VERSION = 1;
/** Levels at or below this are stored as this: silence. */
export const FLOOR_DB = -150;

export interface LiveGoldenStep {
  set: Record<string, number>;
  /** Frames relative to step 0's parameter-event frame: the step's own event, the settled span start, its end. */
  startFrame: number;
  settledFromFrame: number;
  endFrame: number;
  input: StageLevels;
  output: StageLevels;
}

export interface LiveGolden {
  schemaVersion: 1;
  scenario: string;
  path: string;
  sampleRate: number;
  windowFrames: number;
  steps: LiveGoldenStep[];
  /** Downsampled trace for plotting (not compared): frames relative to step 0's event. */
  trace: { hopFrames: number; frames: number[]; inputRmsDb: [number[], number[]]; outputRmsDb: [number[], number[]] };
}

const levels = {
  type: 'object',
  required: ['peakDb', 'rmsDb'],
  additionalProperties: false,
  properties: {
    peakDb: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    rmsDb: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
  },
} as const;
const channelSeries = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: { type: 'array', items: { type: 'number' } },
} as const;

export const liveGoldenSchema = {
  $id: 'wavecraft/LiveGolden',
  type: 'object',
  required: ['schemaVersion', 'scenario', 'path', 'sampleRate', 'windowFrames', 'steps', 'trace'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: LIVE_GOLDEN_VERSION },
    scenario: { type: 'string' },
    path: { type: 'string' },
    sampleRate: { type: 'number', exclusiveMinimum: 0 },
    windowFrames: { type: 'integer', minimum: 1 },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['set', 'startFrame', 'settledFromFrame', 'endFrame', 'input', 'output'],
        additionalProperties: false,
        properties: {
          set: { type: 'object', additionalProperties: { type: 'number' } },
          startFrame: { type: 'integer' },
          settledFromFrame: { type: 'integer' },
          endFrame: { type: 'integer' },
          input: levels,
          output: levels,
        },
      },
    },
    trace: {
      type: 'object',
      required: ['hopFrames', 'frames', 'inputRmsDb', 'outputRmsDb'],
      additionalProperties: false,
      properties: {
        hopFrames: { type: 'integer', minimum: 1 },
        frames: { type: 'array', items: { type: 'integer' } },
        inputRmsDb: channelSeries,
        outputRmsDb: channelSeries,
      },
    },
  },
} as const;

/** dBFS for a golden: rounded to 0.01 dB, floored at FLOOR_DB (so silence is a number). */
export function goldenDb(db: number): number {
  return db <= FLOOR_DB ? FLOOR_DB : Math.round(db * 100) / 100;
}

export function roundLevels(l: StageLevels): StageLevels {
  return {
    peakDb: [goldenDb(l.peakDb[0]), goldenDb(l.peakDb[1])],
    rmsDb: [goldenDb(l.rmsDb[0]), goldenDb(l.rmsDb[1])],
  };
}

export interface LiveDifference {
  step: number;
  stage: 'input' | 'output';
  channel: 'L' | 'R';
  statistic: 'peak' | 'rms';
  goldenDb: number;
  actualDb: number;
}

/** Every statistic of `actual` against `golden`; `outside` holds those beyond `toleranceDb`. */
export function compareLiveGoldens(
  golden: LiveGolden,
  actual: LiveGolden,
  toleranceDb: number,
): { all: LiveDifference[]; outside: LiveDifference[]; structural: string[] } {
  const structural: string[] = [];
  if (golden.steps.length !== actual.steps.length) {
    structural.push(
      `the golden has ${golden.steps.length} steps, the run ${actual.steps.length}: the scenario changed since it was recorded`,
    );
  }
  const all: LiveDifference[] = [];
  golden.steps.slice(0, actual.steps.length).forEach((g, step) => {
    const a = actual.steps[step]!;
    if (JSON.stringify(g.set) !== JSON.stringify(a.set))
      structural.push(
        `step ${step + 1} sets ${JSON.stringify(a.set)} but the golden was recorded with ${JSON.stringify(g.set)}`,
      );
    for (const stage of ['input', 'output'] as const) {
      for (const statistic of ['peak', 'rms'] as const) {
        const key = statistic === 'peak' ? 'peakDb' : 'rmsDb';
        [0, 1].forEach((ch) => {
          all.push({
            step: step + 1,
            stage,
            channel: ch === 0 ? 'L' : 'R',
            statistic,
            goldenDb: g[stage][key][ch]!,
            actualDb: a[stage][key][ch]!,
          });
        });
      }
    }
  });
  // Compare what the golden stores (0.01 dB rounding), with a hair of slack for that rounding.
  const outside = all.filter((d) => Math.abs(d.actualDb - d.goldenDb) > toleranceDb + 0.005);
  return { all, outside, structural };
}
