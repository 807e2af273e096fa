/**
 * Live golden: per step of a scenario on one DSP path, each reading of the settled span (peak and
 * RMS, per channel, before and after the DSP) as `record` found it over several takes, each a
 * fresh stream: its value (the middle of the takes' range, dBFS rounded to 0.01 dB), its
 * take-to-take spread, and how `test` asserts it: within a tolerance (the scenario's, or one
 * derived from the spread where the reading does not repeat) or not at all, when the RMS of the
 * same window stands in for a peak that does not repeat. Notes say why, one line each. Plus where
 * it was recorded (Chromium, capture rate, DSP build) and a downsampled trace for plots.
 * File: goldens/<path>/<scenario>.json, schema below (`schemaVersion` 2; docs/scenarios.md).
 */
import type { StageLevels } from '../analysis/meterTrace.ts';
import { goldenOriginSchema, type GoldenOrigin } from './goldenOrigin.ts';

export const LIVE_GOLDEN_VERSION = 2;
/** Levels at or below this are stored as this: silence. */
export const FLOOR_DB = -150;

export type Channel = 0 | 1;
export type Statistic = 'peakDb' | 'rmsDb';
export type StageName = 'input' | 'output';

/** One step as one take measured it. */
export interface LiveTakeStep {
  set: Record<string, number>;
  /** Frames relative to step 0's parameter-event frame: the step's own event, the settled span start, its end. */
  startFrame: number;
  settledFromFrame: number;
  endFrame: number;
  input: StageLevels;
  output: StageLevels;
  /** How far the output's RMS over 50 ms stretches swung within the measured span, dB per channel (a modulation). */
  outputSwingDb: [number, number];
}

/** The downsampled trace of a run, for plots (not compared): frames relative to step 0's event. */
export interface LiveTrace {
  hopFrames: number;
  frames: number[];
  inputRmsDb: [number[], number[]];
  outputRmsDb: [number[], number[]];
}

/** What one live take (one fresh stream) of a scenario measured. */
export interface LiveTake {
  scenario: string;
  path: string;
  sampleRate: number;
  windowFrames: number;
  origin: GoldenOrigin;
  steps: LiveTakeStep[];
  trace: LiveTrace;
}

/** Per reading of a stage: the tolerance it is asserted within (dB), or null: not asserted (its RMS stands in). */
export interface StageTolerances {
  peakDb: [number | null, number | null];
  rmsDb: [number | null, number | null];
}

export interface LiveGoldenStep extends LiveTakeStep {
  /** Take-to-take spread of each reading (the range over the takes), dB. */
  spreadDb: { input: StageLevels; output: StageLevels };
  /** How each reading is asserted: ± this (the smallest change it detects), or null (not asserted). */
  toleranceDb: { input: StageTolerances; output: StageTolerances };
  /** Why a reading is asserted otherwise than within the scenario's tolerance, one line each. */
  notes?: string[];
}

export interface LiveGolden {
  schemaVersion: 2;
  scenario: string;
  path: string;
  sampleRate: number;
  windowFrames: number;
  /** Where it was recorded; a failure elsewhere says so first. */
  recordedWith: GoldenOrigin;
  /** How many takes (fresh streams) the readings come from. */
  takes: number;
  /** The scenario's level tolerance when it was recorded, dB. */
  levelToleranceDb: number;
  steps: LiveGoldenStep[];
  trace: LiveTrace;
}

const pair = (items: object) => ({ type: 'array', items, minItems: 2, maxItems: 2 }) as const;
const levels = {
  type: 'object',
  required: ['peakDb', 'rmsDb'],
  additionalProperties: false,
  properties: { peakDb: pair({ type: 'number' }), rmsDb: pair({ type: 'number' }) },
} as const;
const tolerances = {
  type: 'object',
  required: ['peakDb', 'rmsDb'],
  additionalProperties: false,
  properties: {
    peakDb: pair({ type: ['number', 'null'], exclusiveMinimum: 0 }),
    rmsDb: pair({ type: ['number', 'null'], exclusiveMinimum: 0 }),
  },
} as const;
const bothStages = (of: object) =>
  ({
    type: 'object',
    required: ['input', 'output'],
    additionalProperties: false,
    properties: { input: of, output: of },
  }) as const;
const channelSeries = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: { type: 'array', items: { type: 'number' } },
} as const;

export const liveGoldenSchema = {
  $id: 'wavecraft/LiveGolden',
  type: 'object',
  required: [
    'schemaVersion',
    'scenario',
    'path',
    'sampleRate',
    'windowFrames',
    'recordedWith',
    'takes',
    'levelToleranceDb',
    'steps',
    'trace',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: LIVE_GOLDEN_VERSION },
    scenario: { type: 'string' },
    path: { type: 'string' },
    sampleRate: { type: 'number', exclusiveMinimum: 0 },
    windowFrames: { type: 'integer', minimum: 1 },
    recordedWith: goldenOriginSchema,
    takes: { type: 'integer', minimum: 1 },
    levelToleranceDb: { type: 'number', exclusiveMinimum: 0 },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'set',
          'startFrame',
          'settledFromFrame',
          'endFrame',
          'input',
          'output',
          'outputSwingDb',
          'spreadDb',
          'toleranceDb',
        ],
        additionalProperties: false,
        properties: {
          set: { type: 'object', additionalProperties: { type: 'number' } },
          startFrame: { type: 'integer' },
          settledFromFrame: { type: 'integer' },
          endFrame: { type: 'integer' },
          input: levels,
          output: levels,
          outputSwingDb: pair({ type: 'number', minimum: 0 }),
          spreadDb: bothStages(levels),
          toleranceDb: bothStages(tolerances),
          notes: { type: 'array', items: { type: 'string' } },
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

/** Every reading of a step, in the order tables list them: output before input, peak before RMS, L before R. */
export const READINGS: readonly { stage: StageName; statistic: Statistic; channel: Channel }[] = (
  ['output', 'input'] as const
).flatMap((stage) =>
  (['peakDb', 'rmsDb'] as const).flatMap((statistic) =>
    ([0, 1] as const).map((channel) => ({ stage, statistic, channel })),
  ),
);

/** "output L peak", as messages and tables name a reading. */
export const readingName = (r: { stage: StageName; statistic: Statistic; channel: Channel }) =>
  `${r.stage} ${r.channel ? 'R' : 'L'} ${r.statistic === 'peakDb' ? 'peak' : 'rms'}`;
