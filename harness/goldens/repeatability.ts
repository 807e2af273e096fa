/**
 * A golden is a claim that a reading repeats. `record` plays each scenario in several takes (fresh
 * streams: the phase between the input, the DSP's own generators and the render quantum differs
 * in each, as it will in later runs) and this module turns the takes into the golden: per reading
 * its value (the middle of the takes' range) and its take-to-take spread, and how `test` asserts it:
 * - a reading whose spread stays within REPEATS_SHARE of the tolerance repeats: asserted within
 *   the scenario's tolerance, as it always was;
 * - a peak that moves while the RMS of the same window holds (a generator or a second tone summed
 *   in the output: the sample peak of a sum depends on the phase between its parts) is not
 *   asserted: that RMS is, within the tolerance, and stands in for it;
 * - any other reading that moves is asserted within SPREAD_FACTOR × its spread (never less than
 *   the tolerance), and that is the smallest change it can detect.
 * Every reading not asserted within the scenario's tolerance gets a note saying so and why, in the
 * golden, in record's table and in each failure message. Nothing is widened silently; with
 * `strict`, such a reading is an error at record time instead.
 */
import {
  METER_STATISTICS,
  perStatistic,
  standInOf,
  type StatisticLabel,
} from '../../contracts/meters/meterStatistics.ts';
import type { StageLevels } from '../analysis/meterTrace.ts';
import {
  goldenDb,
  LIVE_GOLDEN_VERSION,
  READINGS,
  readingName,
  type Channel,
  type LiveGolden,
  type LiveGoldenStep,
  type LiveTake,
  type StageName,
  type StageTolerances,
  type Statistic,
} from './liveGolden.ts';

/** A reading repeats when its take-to-take spread is at most this share of its tolerance (0.03 dB of ±0.1). */
export const REPEATS_SHARE = 0.3;
/** A reading that does not repeat is asserted within this many times its spread. */
export const SPREAD_FACTOR = 3;
/** An output reading this far under the input is near the capture's artefacts (what fake capture adds, ~-70 dBFS). */
export const ARTEFACT_DEPTH_DB = 25;
/**
 * Takes `record` plays at once (one page each, in one browser); the fewest it records from; and the most, played in
 * rounds while the takes disagree.
 */
export const TAKES_PER_ROUND = 3;
export const MIN_TAKES = 3;
export const MAX_TAKES = 6;

export type Assertion = 'tolerance' | 'rms-instead' | 'spread';

/** One row of record's repeatability table: one reading of one step. */
export interface ReadingRecord {
  step: number;
  set: Record<string, number>;
  reading: string;
  stage: StageName;
  statistic: Statistic;
  channel: Channel;
  valueDb: number;
  spreadDb: number;
  takes: number;
  assertion: Assertion;
  /** As asserted, dB (null: not asserted; the RMS of the same window is). */
  toleranceDb: number | null;
  /** The smallest level change the suite detects on this reading (the RMS's tolerance where it stands in). */
  detectableDb: number;
  /** Why it does not repeat, where the harness can tell; null for a reading that repeats. */
  cause: string | null;
  /** What would make it repeat. */
  fix: string | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const ceil2 = (x: number) => Math.ceil(x * 100 - 1e-6) / 100;

const valuesOf = (takes: readonly LiveTake[], step: number, stage: StageName, statistic: Statistic, ch: Channel) =>
  takes.map((t) => t.steps[step]![stage][statistic][ch]);

const spreadOf = (values: readonly number[]) => round2(Math.max(...values) - Math.min(...values));

/** Whether any reading's spread over `takes` exceeds what repeats: another round of takes is worth playing. */
export function takesDisagree(takes: readonly LiveTake[], levelDb: number): boolean {
  if (takes.length < 2) return false;
  return takes[0]!.steps.some((_, s) =>
    READINGS.some(
      (r) => spreadOf(valuesOf(takes, s, r.stage, r.statistic, r.channel)) > REPEATS_SHARE * levelDb + 1e-9,
    ),
  );
}

/** Takes that cannot be put together: another number of steps, or other values set. */
export function takesStructureProblems(takes: readonly LiveTake[]): string[] {
  const first = takes[0]!;
  return takes
    .slice(1)
    .flatMap((t, i) =>
      t.steps.length !== first.steps.length ||
      t.steps.some((s, k) => JSON.stringify(s.set) !== JSON.stringify(first.steps[k]!.set))
        ? [`take ${i + 2} of ${first.scenario} ran other steps than take 1`]
        : [],
    );
}

interface Classified {
  assertion: Assertion;
  toleranceDb: number | null;
  cause: string | null;
  fix: string | null;
}

/** How one reading is asserted, and why. */
function classify(
  takes: readonly LiveTake[],
  step: number,
  reading: { stage: StageName; statistic: Statistic; channel: Channel },
  spreadDb: number,
  levelDb: number,
): Classified {
  const repeats = (spread: number) => spread <= REPEATS_SHARE * levelDb + 1e-9;
  if (repeats(spreadDb)) return { assertion: 'tolerance', toleranceDb: levelDb, cause: null, fix: null };
  const { stage, channel } = reading;
  const standIn = standInOf(reading.statistic);
  const standInSpread = standIn ? spreadOf(valuesOf(takes, step, stage, standIn, channel)) : Infinity;
  if (standIn && repeats(standInSpread))
    return {
      assertion: 'rms-instead',
      toleranceDb: null,
      cause: `a phase-dependent ${METER_STATISTICS[reading.statistic].label}: it moves ${spreadDb.toFixed(2)} dB between takes while the ${METER_STATISTICS[standIn].label.toUpperCase()} of the same window holds to ${standInSpread.toFixed(2)} dB (a generator or a second tone summed in the output, or a transient at the step's start)`,
      fix: 'take the second tone out of the step (switch the generator off, or step a context without it), or let the RMS stand in (without "strict")',
    };
  const swing = Math.max(...takes.map((t) => t.steps[step]!.outputSwingDb[channel]));
  const underInput =
    stage === 'output'
      ? Math.min(...takes.map((t) => t.steps[step]!.input.rmsDb[channel] - t.steps[step]!.output.rmsDb[channel]))
      : 0;
  let cause: string;
  let fix: string;
  if (stage === 'output' && swing > 2 * levelDb) {
    cause = `the level swings by up to ${swing.toFixed(2)} dB within the step (a modulation such as an LFO, or two tones beating), so its mean over the span depends on where the swing stands when the step starts`;
    fix = 'hold the step for whole periods of the swing (holdSeconds), or step it with the modulation off';
  } else if (underInput >= ARTEFACT_DEPTH_DB) {
    cause = `the level is ${underInput.toFixed(0)} dB under the input: near the capture's artefacts`;
    fix = "step a setting that leaves the level nearer the input's (a filter nearer its passband)";
  } else {
    cause = 'it moves between takes (something in the DSP runs on its own: a generator, an LFO, a random source)';
    fix = 'find what runs free between takes, or loosen tolerances.levelDb';
  }
  return { assertion: 'spread', toleranceDb: Math.max(levelDb, ceil2(SPREAD_FACTOR * spreadDb)), cause, fix };
}

const describeSet = (set: Record<string, number>) =>
  Object.entries(set)
    .map(([id, v]) => `${id} = ${v}`)
    .join(', ');

/** The note a golden keeps for a reading asserted otherwise than within the scenario's tolerance. */
export function readingNote(r: ReadingRecord): string {
  const how =
    r.assertion === 'rms-instead'
      ? `not asserted; the RMS of the same window is, within ±${r.detectableDb} dB`
      : `asserted within ±${r.toleranceDb} dB (${SPREAD_FACTOR}× its spread)`;
  return `${r.reading}: moves ${r.spreadDb.toFixed(2)} dB over ${r.takes} takes: ${r.cause}; ${how}`;
}

/** The golden of `takes` (same scenario, same steps), and each reading's row for record's table. */
export function aggregateTakes(
  takes: readonly LiveTake[],
  levelDb: number,
): { golden: LiveGolden; readings: ReadingRecord[] } {
  const first = takes[0]!;
  const readings: ReadingRecord[] = [];
  const steps: LiveGoldenStep[] = first.steps.map((step, s) => {
    const value = { input: blank(), output: blank() };
    const spread = { input: blank(), output: blank() };
    const tolerance: { input: StageTolerances; output: StageTolerances } = {
      input: perStatistic(() => [null, null]),
      output: perStatistic(() => [null, null]),
    };
    for (const reading of READINGS) {
      const { stage, statistic, channel } = reading;
      const values = valuesOf(takes, s, stage, statistic, channel);
      const spreadDb = spreadOf(values);
      const valueDb = goldenDb((Math.max(...values) + Math.min(...values)) / 2);
      const c = classify(takes, s, reading, spreadDb, levelDb);
      value[stage][statistic][channel] = valueDb;
      spread[stage][statistic][channel] = spreadDb;
      tolerance[stage][statistic][channel] = c.toleranceDb;
      readings.push({
        step: s + 1,
        set: step.set,
        reading: readingName(reading),
        stage,
        statistic,
        channel,
        valueDb,
        spreadDb,
        takes: takes.length,
        assertion: c.assertion,
        toleranceDb: c.toleranceDb,
        detectableDb: c.toleranceDb ?? levelDb,
        cause: c.cause,
        fix: c.fix,
      });
    }
    const notes = readings.filter((r) => r.step === s + 1 && r.assertion !== 'tolerance').map(readingNote);
    return {
      set: step.set,
      startFrame: step.startFrame,
      settledFromFrame: step.settledFromFrame,
      endFrame: step.endFrame,
      input: value.input,
      output: value.output,
      outputSwingDb: [0, 1].map((ch) => round2(Math.max(...takes.map((t) => t.steps[s]!.outputSwingDb[ch]!)))) as [
        number,
        number,
      ],
      spreadDb: spread,
      toleranceDb: tolerance,
      ...(notes.length ? { notes } : {}),
    };
  });
  return {
    golden: {
      schemaVersion: LIVE_GOLDEN_VERSION,
      scenario: first.scenario,
      path: first.path,
      sampleRate: first.sampleRate,
      windowFrames: first.windowFrames,
      recordedWith: first.origin,
      takes: takes.length,
      levelToleranceDb: levelDb,
      steps,
      trace: first.trace,
    },
    readings,
  };
}

function blank(): StageLevels {
  return perStatistic(() => [0, 0]);
}

/** With `strict`: each reading that does not repeat, named, with what would fix it. */
export function strictProblems(golden: LiveGolden, readings: readonly ReadingRecord[]): string[] {
  return readings
    .filter((r) => r.assertion !== 'tolerance')
    .map(
      (r) =>
        `${golden.scenario} [${golden.path}] step ${r.step} (${describeSet(r.set)}) ${r.reading} does not repeat: ${r.spreadDb.toFixed(2)} dB over ${r.takes} takes, against ±${golden.levelToleranceDb} dB: ${r.cause}. The scenario is strict, so nothing was recorded: ${r.fix}`,
    );
}

/** One reading of a run against its golden. */
export interface LiveDifference {
  step: number;
  stage: StageName;
  channel: 'L' | 'R';
  statistic: StatisticLabel;
  goldenDb: number;
  actualDb: number;
  /** As asserted now, dB. */
  toleranceDb: number;
  /** Its recorded take-to-take spread, and over how many takes. */
  spreadDb: number;
  takes: number;
  /** True when the tolerance comes from the spread (the reading does not repeat). */
  fromSpread: boolean;
}

/**
 * The tolerance a reading is asserted within now: a reading that repeated follows the scenario's
 * tolerance as it is now; one derived from its spread keeps that, never less than the tolerance.
 */
function toleranceNow(recorded: number, golden: LiveGolden, levelDb: number): { db: number; fromSpread: boolean } {
  const fromSpread = recorded > golden.levelToleranceDb + 1e-9;
  return { db: fromSpread ? Math.max(recorded, levelDb) : levelDb, fromSpread };
}

/**
 * Every asserted reading of `actual` (one take) against `golden`; `outside` holds those beyond
 * their tolerance. Readings not asserted (a peak whose RMS stands in) are counted, not compared.
 */
export function compareLiveGoldens(
  golden: LiveGolden,
  actual: LiveTake,
  levelDb: number,
): { all: LiveDifference[]; outside: LiveDifference[]; structural: string[]; notAsserted: number } {
  const structural: string[] = [];
  if (golden.steps.length !== actual.steps.length) {
    structural.push(
      `the golden has ${golden.steps.length} steps, the run ${actual.steps.length}: the scenario changed since it was recorded`,
    );
  }
  const all: LiveDifference[] = [];
  let notAsserted = 0;
  golden.steps.slice(0, actual.steps.length).forEach((g, step) => {
    const a = actual.steps[step]!;
    if (JSON.stringify(g.set) !== JSON.stringify(a.set))
      structural.push(
        `step ${step + 1} sets ${JSON.stringify(a.set)} but the golden was recorded with ${JSON.stringify(g.set)}`,
      );
    for (const { stage, statistic, channel } of READINGS) {
      const recorded = g.toleranceDb[stage][statistic][channel];
      if (recorded === null) {
        notAsserted++;
        continue;
      }
      const tolerance = toleranceNow(recorded, golden, levelDb);
      all.push({
        step: step + 1,
        stage,
        channel: channel ? 'R' : 'L',
        statistic: METER_STATISTICS[statistic].label,
        goldenDb: g[stage][statistic][channel],
        actualDb: a[stage][statistic][channel],
        toleranceDb: tolerance.db,
        spreadDb: g.spreadDb[stage][statistic][channel],
        takes: golden.takes,
        fromSpread: tolerance.fromSpread,
      });
    }
  });
  // Compare what the golden stores (0.01 dB rounding), with a hair of slack for that rounding.
  const outside = all.filter((d) => Math.abs(d.actualDb - d.goldenDb) > d.toleranceDb + 0.005);
  return { all, outside, structural, notAsserted };
}

/** "Δ -0.52 dB; tolerance ±0.45 dB from a recorded take-to-take spread of 0.15 dB (6 takes)", or "Δ +0.50 dB, ±0.1". */
export function describeDeviation(d: LiveDifference): string {
  const delta = d.actualDb - d.goldenDb;
  const signed = `${delta >= 0 ? '+' : ''}${delta.toFixed(2)}`;
  return d.fromSpread
    ? `Δ ${signed} dB; tolerance ±${d.toleranceDb} dB from a recorded take-to-take spread of ${d.spreadDb.toFixed(2)} dB (${d.takes} takes)`
    : `Δ ${signed} dB, ±${d.toleranceDb}; recorded spread ${d.spreadDb.toFixed(2)} dB over ${d.takes} takes`;
}
