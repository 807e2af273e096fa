/**
 * Checks a scenario's live takes against its live golden (goldens/<path>/<scenario>.json), records
 * it in record mode only, and attaches what a reviewer needs: the plot of golden against actual
 * (meters aligned on the parameter events) and the JSON diff.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { meterTraceChart } from '../report/charts/meterTraceChart.ts';
import { chartFile } from '../report/chartFile.ts';
import type { GoldenCheck } from './goldenCheck.ts';
import { displayPath, goldenPath, readJsonGolden, writeJsonGolden } from './goldenFiles.ts';
import { originNote } from './goldenOrigin.ts';
import {
  LIVE_GOLDEN_VERSION,
  liveGoldenSchema,
  type LiveGolden,
  type LiveTake,
  type LiveTakeStep,
} from './liveGolden.ts';
import {
  aggregateTakes,
  compareLiveGoldens,
  describeDeviation,
  strictProblems,
  type LiveDifference,
  type ReadingRecord,
} from './repeatability.ts';
import { RECORD_HELP, shouldWriteGolden, type GoldenState, type UpdateMode } from './recordMode.ts';

type AggregatedTakes = ReturnType<typeof aggregateTakes>;

const fmt = (db: number) => db.toFixed(2);

/** A step's parameter values, as "volume = -6, mute = 0". */
const describeSet = (set: Record<string, number> | undefined) =>
  Object.entries(set ?? {})
    .map(([id, value]) => `${id} = ${value}`)
    .join(', ');

type MeterStep = Pick<LiveTakeStep, 'output'>;

/** The largest move of any output statistic between two steps, dB, and which one. */
function outputMove(from: MeterStep, to: MeterStep): { db: number; what: string } {
  let best = { db: 0, what: '' };
  for (const stat of ['peakDb', 'rmsDb'] as const) {
    for (const ch of [0, 1] as const) {
      const db = Math.abs(to.output[stat][ch]! - from.output[stat][ch]!);
      if (db >= best.db) best = { db, what: `${ch ? 'R' : 'L'} ${stat === 'peakDb' ? 'peak' : 'rms'}` };
    }
  }
  return best;
}

/**
 * Steps whose change the DSP reported applied but whose output did not move, where the golden
 * moves by ≥ 3× the tolerance: said in those words, not as level mismatches that read like the
 * previous step's.
 */
function changesWithoutEffect(
  golden: LiveGolden,
  actual: LiveTake,
  toleranceDb: number,
  failedSteps: ReadonlySet<number>,
): string[] {
  const found: string[] = [];
  for (let i = 1; i < Math.min(golden.steps.length, actual.steps.length); i++) {
    if (!failedSteps.has(i + 1)) continue;
    const expected = outputMove(golden.steps[i - 1]!, golden.steps[i]!);
    const seen = outputMove(actual.steps[i - 1]!, actual.steps[i]!);
    if (expected.db >= 3 * toleranceDb && seen.db < toleranceDb) {
      found.push(
        `${actual.scenario} [${actual.path}] step ${i + 1} (${describeSet(actual.steps[i]!.set)}): the change was applied (the DSP reported it at frame ${actual.steps[i]!.startFrame} from step 1's event) but had no effect on the output: it stays within ${seen.db.toFixed(2)} dB of step ${i}, where the golden moves ${expected.db.toFixed(2)} dB (${expected.what})`,
      );
    }
  }
  return found;
}

/** Seconds from a step's change to its measured span: where the output was found settled. */
const settledAfter = (run: LiveTake, step: number) => {
  const s = run.steps[step - 1];
  return s ? ((s.settledFromFrame - s.startFrame) / run.sampleRate).toFixed(2) : '?';
};

/** A live golden on disk: read and checked; `outdated` when an earlier harness wrote it (another schema). */
function readLiveGolden(file: string): { golden: LiveGolden | null; outdated: number | null } {
  if (existsSync(file)) {
    let version: unknown = null;
    try {
      version = (JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion?: unknown }).schemaVersion;
    } catch {
      // readJsonGolden says what is wrong with it.
    }
    if (typeof version === 'number' && version !== LIVE_GOLDEN_VERSION) return { golden: null, outdated: version };
  }
  return { golden: readJsonGolden<LiveGolden>(file, liveGoldenSchema), outdated: null };
}

export interface LiveGoldenCheck extends GoldenCheck {
  worstDeviationDb: number | null;
  /** Record mode: every reading's repeatability, for record's table. */
  readings: ReadingRecord[];
}

export interface LiveCheckOptions {
  /** The scenario's level tolerance now, dB. */
  levelDb: number;
  /** A reading that does not repeat is an error at record time, not asserted otherwise. */
  strict: boolean;
}

/**
 * Checks the live takes of a scenario against its golden. Outside record mode there is one take,
 * asserted reading by reading as the golden says. In record mode the takes become the new golden
 * (repeatability.ts), written when the old one is missing, no longer holds for a take, or claims a
 * reading repeats that the takes show does not.
 */
export async function checkLiveGolden(
  goldensDir: string,
  takes: readonly LiveTake[],
  options: LiveCheckOptions,
  mode: UpdateMode,
  testInfo: TestInfo,
): Promise<LiveGoldenCheck> {
  const actual = takes[0]!;
  const file = goldenPath(goldensDir, actual.path, actual.scenario, '.json');
  const { golden, outdated } = readLiveGolden(file);
  const result: LiveGoldenCheck = {
    problems: [],
    changes: [],
    unchanged: 0,
    written: [],
    worstDeviationDb: null,
    readings: [],
  };
  const fresh = mode !== 'none' ? aggregateTakes(takes, options.levelDb) : null;
  if (fresh) result.readings = fresh.readings;
  let state: GoldenState = 'missing';
  let outside: LiveDifference[] = [];
  if (outdated !== null) {
    state = 'changed';
    if (!shouldWriteGolden(mode, state))
      result.problems.push(
        `${actual.scenario} [${actual.path}] live golden ${displayPath(file)} was recorded by an earlier harness (golden schema ${outdated}, now ${LIVE_GOLDEN_VERSION}: it keeps no take-to-take spread); ${RECORD_HELP}`,
      );
  } else if (golden) {
    ({ state, outside } = compareTakesWithGolden(golden, takes, fresh, { file, options, mode, result }));
  } else if (!shouldWriteGolden(mode, 'missing')) {
    result.problems.push(`${actual.scenario} [${actual.path}]: no live golden at ${displayPath(file)}; ${RECORD_HELP}`);
  }
  const write = shouldWriteGolden(mode, state);
  if (write && fresh) await writeFreshGolden(file, fresh, { state, takes, strict: options.strict, result });
  if (write || result.problems.length > 0) {
    await testInfo.attach('meter-trace-plot.svg', {
      body: await chartFile(meterTraceChart({ golden, actual, toleranceDb: options.levelDb, outside })),
      contentType: 'image/svg+xml',
    });
    await testInfo.attach('live-diff.json', {
      body: JSON.stringify({ state, levelToleranceDb: options.levelDb, outside, actual, golden, takes }, null, 2),
      contentType: 'application/json',
    });
  }
  return result;
}

/**
 * Record mode: whether the golden's claims no longer match the takes: a reading it says repeats
 * that the takes show does not (or the other way round), or one asserted otherwise than now.
 */
function claimsChanged(golden: LiveGolden, fresh: AggregatedTakes | null, levelDb: number): boolean {
  return (
    fresh !== null &&
    fresh.readings.some((r) => {
      const recorded = golden.steps[r.step - 1]?.toleranceDb[r.stage][r.statistic][r.channel];
      return (
        recorded === undefined ||
        (recorded === null) !== (r.toleranceDb === null) ||
        (recorded !== null && r.toleranceDb !== null && recorded > golden.levelToleranceDb !== r.toleranceDb > levelDb)
      );
    })
  );
}

/** Compares every take with the golden: the change table's rows, and the problems when it is not rewritten. */
function compareTakesWithGolden(
  golden: LiveGolden,
  takes: readonly LiveTake[],
  fresh: AggregatedTakes | null,
  context: { file: string; options: LiveCheckOptions; mode: UpdateMode; result: LiveGoldenCheck },
): { state: GoldenState; outside: LiveDifference[] } {
  const { file, options, result } = context;
  const actual = takes[0]!;
  const note = originNote(golden.recordedWith, actual.origin);
  const compared = takes.map((take) => compareLiveGoldens(golden, take, options.levelDb));
  const cmp = compared[0]!;
  const outside = cmp.outside;
  result.worstDeviationDb = cmp.all.reduce((m, d) => Math.max(m, Math.abs(d.actualDb - d.goldenDb)), 0);
  // Record mode: the golden no longer holds when a take falls outside it, or its claims changed.
  const state: GoldenState =
    compared.some((c) => c.outside.length > 0 || c.structural.length > 0) ||
    claimsChanged(golden, fresh, options.levelDb)
      ? 'changed'
      : 'unchanged';
  for (const d of cmp.all) {
    const row = {
      golden: displayPath(file),
      what: `step ${d.step} ${d.stage} ${d.channel} ${d.statistic}`,
      old: fmt(d.goldenDb),
      new: fmt(d.actualDb),
    };
    if (Math.abs(d.actualDb - d.goldenDb) >= 0.005) result.changes.push(row);
    else result.unchanged++;
  }
  if (state === 'changed' && !shouldWriteGolden(context.mode, state)) {
    result.problems.push(
      ...cmp.structural.map((s) => `${actual.scenario} [${actual.path}] live golden: ${note}${s}; ${RECORD_HELP}`),
    );
    if (cmp.structural.length === 0)
      result.problems.push(
        ...changesWithoutEffect(golden, actual, options.levelDb, new Set(outside.map((d) => d.step))),
      );
    result.problems.push(
      ...outside.map(
        (d) =>
          `${actual.scenario} [${actual.path}] step ${d.step} (${describeSet(actual.steps[d.step - 1]?.set)}) ${d.stage} ${d.channel} ${d.statistic}: ${note}golden ${fmt(d.goldenDb)} dBFS, actual ${fmt(d.actualDb)} dBFS (${describeDeviation(d)}; measured from ${settledAfter(actual, d.step)} s after the change, where the output had settled)`,
      ),
    );
  }
  return { state, outside };
}

/** Writes the takes' golden, or with `strict`, refuses a golden some of whose readings do not repeat. */
async function writeFreshGolden(
  file: string,
  fresh: AggregatedTakes,
  context: { state: GoldenState; takes: readonly LiveTake[]; strict: boolean; result: LiveGoldenCheck },
): Promise<void> {
  const { result, takes } = context;
  const refused = context.strict ? strictProblems(fresh.golden, fresh.readings) : [];
  if (refused.length > 0) {
    result.problems.push(...refused);
    return;
  }
  await writeJsonGolden(file, fresh.golden);
  result.written.push(displayPath(file));
  if (context.state === 'missing')
    result.changes.push({
      golden: displayPath(file),
      what: 'new golden',
      old: '—',
      new: `${takes[0]!.steps.length} steps, ${takes.length} takes`,
    });
}
