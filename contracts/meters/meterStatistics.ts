/**
 * The statistics a settled span of meter windows is read as, declared once. Each entry is one
 * statistic: how it is folded from the span's windows, how messages and tables name it, what the
 * docs say of it, and how a chart draws it. Everything keyed by statistic (a stage's levels, a
 * live golden's fields and their tolerances, a scenario's `expect`, the chart rows, the docs'
 * table) is a mapped type or a loop over this table, so a new statistic is one entry here and the
 * compiler names every place that must handle it.
 */
import { linearToDb } from './decibels.ts';
import type { StereoLevels } from './meterWindow.ts';

/** Where a meter reads, before and after the DSP. */
export const METER_STAGES = ['input', 'output'] as const;
export type MeterStage = (typeof METER_STAGES)[number];

/** One stage's windows over a span, folded: the linear peak (maximum) and RMS (power mean) per channel. */
export interface FoldedStage {
  peak: StereoLevels;
  rms: StereoLevels;
}

export interface MeterStatisticSpec {
  /** How messages, tables and chart rows name it: "output L peak". */
  label: string;
  /** Its value per channel, dB, from the span's folded windows. */
  fold: (stage: FoldedStage) => [number, number];
  /** What it is, for the docs' table (docs/scenarios.md). */
  meaning: string;
  /**
   * Another statistic of the same window that is asserted in its place when this one alone does
   * not repeat from take to take (the RMS for a phase-dependent peak), or null.
   */
  standIn: string | null;
  /** Whether its chart rows carry the downsampled trace (the trace a golden keeps is RMS). */
  traced: boolean;
}

const perChannel = (levels: StereoLevels, f: (linear: number) => number): [number, number] => [
  f(levels[0]),
  f(levels[1]),
];

export const METER_STATISTICS = {
  peakDb: {
    label: 'peak',
    fold: (stage) => perChannel(stage.peak, linearToDb),
    meaning: 'the largest sample magnitude in the settled span, dBFS',
    standIn: 'rmsDb',
    traced: false,
  },
  rmsDb: {
    label: 'rms',
    fold: (stage) => perChannel(stage.rms, linearToDb),
    meaning: "the RMS over the settled span (the windows' power mean), dBFS",
    standIn: null,
    traced: true,
  },
} as const satisfies Record<string, MeterStatisticSpec>;

export type Statistic = keyof typeof METER_STATISTICS;
export type StatisticLabel = (typeof METER_STATISTICS)[Statistic]['label'];
export const STATISTICS = Object.keys(METER_STATISTICS) as Statistic[];

/** One value per statistic, [L, R]. */
export type PerStatistic<T> = { [S in Statistic]: [T, T] };

/** A record with one entry per statistic, each made by `make`. */
export function perStatistic<T>(make: (statistic: Statistic) => [T, T]): PerStatistic<T> {
  return Object.fromEntries(STATISTICS.map((s) => [s, make(s)])) as PerStatistic<T>;
}

/** Every statistic of a folded stage, dB. */
export function foldStatistics(stage: FoldedStage): PerStatistic<number> {
  return perStatistic((s) => METER_STATISTICS[s].fold(stage));
}

/** The statistic standing in for `statistic` when it alone does not repeat, or null. */
export function standInOf(statistic: Statistic): Statistic | null {
  return METER_STATISTICS[statistic].standIn;
}
