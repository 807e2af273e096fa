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
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import {
  METER_STATISTICS,
  perStatistic,
  STATISTICS,
  type MeterStage,
  type Statistic,
} from '../../contracts/meters/meterStatistics.ts';
import { exact, numberOrNull, pairOf } from '../../contracts/schema/schemaParts.ts';
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { StageLevels } from '../analysis/meterTrace.ts';
import { goldenHeaderFields } from './goldenHeader.ts';
import { goldenOriginSchema, type GoldenOrigin } from './goldenOrigin.ts';

export const LIVE_GOLDEN_VERSION = 2;
/** Levels at or below this are stored as this: silence. */
export const FLOOR_DB = -150;

export type Channel = 0 | 1;
export type { Statistic } from '../../contracts/meters/meterStatistics.ts';
export type StageName = MeterStage;

const dbPair = pairOf(Type.Number());
/** One stage's readings: per meter statistic, [L, R]. */
const stageLevels = (description?: string) =>
  Type.Object(Object.fromEntries(STATISTICS.map((s) => [s, dbPair])) as { [S in Statistic]: typeof dbPair }, {
    ...exact,
    ...(description ? { description } : {}),
  });
const tolerancePair = pairOf(numberOrNull({ exclusiveMinimum: 0 }));
/** Per reading of a stage: the tolerance it is asserted within (dB), or null: not asserted (its stand-in is). */
const StageTolerancesSchema = Type.Object(
  Object.fromEntries(STATISTICS.map((s) => [s, tolerancePair])) as { [S in Statistic]: typeof tolerancePair },
  exact,
);
const bothStages = <T extends TSchema>(of: T, description: string) =>
  Type.Object({ input: of, output: of }, { ...exact, description });

/** One step as one take measured it. */
const takeStepFields = {
  set: Type.Record(Type.String(), Type.Number(), { description: "the step's parameter values" }),
  startFrame: Type.Integer({ description: "the step's own parameter event, frames from step 1's" }),
  settledFromFrame: Type.Integer({ description: "where the settled span starts, frames from step 1's event" }),
  endFrame: Type.Integer({ description: 'where the settled span ends' }),
  input: stageLevels("each reading before the DSP, per statistic [L, R]: the middle of the takes' range, dB to 0.01"),
  output: stageLevels('the same after the DSP'),
  outputSwingDb: pairOf(Type.Number({ minimum: 0 }), {
    description: "how far the output's RMS over 50 ms stretches swung within the span, dB per channel",
  }),
};

/** The downsampled trace of a run, for plots (not compared): frames relative to step 0's event. */
const LiveTraceSchema = Type.Object(
  {
    hopFrames: Type.Integer({ minimum: 1 }),
    frames: Type.Array(Type.Integer()),
    inputRmsDb: pairOf(Type.Array(Type.Number())),
    outputRmsDb: pairOf(Type.Array(Type.Number())),
  },
  { ...exact, description: 'a downsampled RMS trace for plots (not compared)' },
);

const LiveGoldenStepSchema = Type.Object(
  {
    ...takeStepFields,
    spreadDb: bothStages(stageLevels(), "each reading's take-to-take spread: the range over the takes, dB"),
    toleranceDb: bothStages(
      StageTolerancesSchema,
      'how `test` asserts each reading: within ± this, the smallest change it detects; null: not asserted',
    ),
    notes: Type.Optional(
      Type.Array(Type.String(), {
        description: "why, one line per reading not asserted within the scenario's tolerance",
      }),
    ),
  },
  exact,
);

export const liveGoldenSchema = Type.Object(
  {
    ...goldenHeaderFields(LIVE_GOLDEN_VERSION),
    windowFrames: Type.Integer({ minimum: 1, description: 'frames per meter window' }),
    recordedWith: Type.Object(goldenOriginSchema.properties, {
      ...exact,
      description:
        'where it was recorded (Chromium, capture rate, page rate, DSP build); a failure elsewhere says so first',
    }),
    takes: Type.Integer({ minimum: 1, description: 'how many takes (fresh streams) the readings come from' }),
    levelToleranceDb: Type.Number({
      exclusiveMinimum: 0,
      description: "the scenario's level tolerance when it was recorded, dB",
    }),
    steps: Type.Array(LiveGoldenStepSchema),
    trace: LiveTraceSchema,
  },
  { $id: 'wavecraft/LiveGolden', ...exact },
);

export type StageTolerances = Static<typeof StageTolerancesSchema>;
/** One step as one take measured it. */
export type LiveTakeStep = Static<TObject<typeof takeStepFields>>;
export type LiveTrace = Static<typeof LiveTraceSchema>;
export type LiveGoldenStep = Static<typeof LiveGoldenStepSchema>;
export type LiveGolden = Static<typeof liveGoldenSchema>;

/** What one live take (one fresh stream) of a scenario measured. */
export interface LiveTake {
  scenario: string;
  path: DspPath;
  sampleRate: number;
  windowFrames: number;
  origin: GoldenOrigin;
  steps: LiveTakeStep[];
  trace: LiveTrace;
}

/** dBFS for a golden: rounded to 0.01 dB, floored at FLOOR_DB (so silence is a number). */
export function goldenDb(db: number): number {
  return db <= FLOOR_DB ? FLOOR_DB : Math.round(db * 100) / 100;
}

export function roundLevels(l: StageLevels): StageLevels {
  return perStatistic((s) => [goldenDb(l[s][0]), goldenDb(l[s][1])]);
}

/** Every reading of a step, in the order tables list them: output before input, statistics in order, L before R. */
export const READINGS: readonly { stage: StageName; statistic: Statistic; channel: Channel }[] = (
  ['output', 'input'] as const
).flatMap((stage) =>
  STATISTICS.flatMap((statistic) => ([0, 1] as const).map((channel) => ({ stage, statistic, channel }))),
);

/** "output L peak", as messages and tables name a reading. */
export const readingName = (r: { stage: StageName; statistic: Statistic; channel: Channel }) =>
  `${r.stage} ${r.channel ? 'R' : 'L'} ${METER_STATISTICS[r.statistic].label}`;
