/**
 * What the charts draw, described here and nowhere else: the charts import only the chart library,
 * and the modules whose data they draw (goldens, nightly history, the validator, the audio
 * comparison) pass values of these shapes (theirs are wider; TypeScript checks they fit). The
 * meter statistics are the one list every side keys its levels by.
 */
import type { MeterStage, Statistic, StatisticLabel } from '../../../contracts/meters/meterStatistics.ts';

/** Settled levels of one stage, per meter statistic, dBFS, [L, R]. */
export type StageLevelsInput = { [S in Statistic]: number[] };

/** Per reading of a stage, the tolerance it is asserted within, dB; null: not asserted. */
export type StageTolerancesInput = { [S in Statistic]: (number | null)[] };

/** One step of a live meter run (a live golden's step, or one take's). */
export interface MeterRunStepInput {
  set: Record<string, number>;
  startFrame: number;
  settledFromFrame: number;
  endFrame: number;
  input: StageLevelsInput;
  output: StageLevelsInput;
  /** A golden's: each reading's own tolerance (derived from its take-to-take spread where it does not repeat). */
  toleranceDb?: { input: StageTolerancesInput; output: StageTolerancesInput };
}

/** A live meter run: its steps and its downsampled RMS trace. */
export interface MeterRunInput {
  scenario: string;
  path: string;
  sampleRate: number;
  steps: readonly MeterRunStepInput[];
  trace: { hopFrames: number; frames: number[]; inputRmsDb: [number[], number[]]; outputRmsDb: [number[], number[]] };
}

/** One statistic outside the tolerance. */
export interface MeterDeviationInput {
  step: number;
  stage: MeterStage;
  channel: 'L' | 'R';
  statistic: StatisticLabel;
  goldenDb: number;
  actualDb: number;
}

/** Where an offline render differs most from its golden. */
export interface AudioComparisonInput {
  snrDb: number;
  maxAbsError: number;
  worstChannel: number;
  worstFrame: number;
  worstSeconds: number;
}

export interface SpectrumPointInput {
  hz: number;
  db: number;
}

/** One nightly run on the trend charts. */
export interface TrendRunInput {
  date: string;
  status: string;
  buildSha256: string;
  worstDeviationDb: number | null;
  dspNsPerFrame: number | null;
}

/** A validator check's worst case, as far as its plot needs it. */
export interface WorstCaseInput {
  what: string;
  sampleRate?: number;
  frame?: number;
  channel?: 'L' | 'R';
  excerpt?: { fromFrame: number; series: { label: string; values: number[] }[] };
}
