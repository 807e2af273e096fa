/**
 * The data of a live golden's plot (meterTraceChart.ts): per step and row (stage, channel,
 * statistic), the traces, the settled levels, the golden's tolerance bands, the events and the
 * misses, each step on seconds since its own parameter event; and the deviation row's points.
 */
import {
  METER_STATISTICS,
  STATISTICS,
  type MeterStage,
  type Statistic,
} from '../../../contracts/meters/meterStatistics.ts';
import type {
  MeterDeviationInput as LiveDifference,
  MeterRunInput as LiveGolden,
  MeterRunStepInput as LiveGoldenStep,
} from './chartInputs.ts';

export type Series = 'golden' | 'actual' | 'golden ± tolerance' | 'outside tolerance';
export type Stage = MeterStage;
type Channel = 'L' | 'R';

export interface Datum {
  kind: 'trace' | 'level' | 'band' | 'fail' | 'event';
  row: string;
  rowOrder: number;
  step: string;
  stepOrder: number;
  series: Series;
  t?: number;
  t2?: number;
  db?: number;
  db2?: number;
  note?: string;
}

interface Row {
  stage: Stage;
  channel: Channel;
  statistic: Statistic;
}

/** Seconds of the previous step shown before each event, so the change itself is visible. */
export const LEAD_SECONDS = 0.1;

/** The statistics in row order: those drawn with their trace first. */
const ROW_STATISTICS = [...STATISTICS].sort(
  (a, b) => Number(METER_STATISTICS[b].traced) - Number(METER_STATISTICS[a].traced),
);

const describeSet = (set: Record<string, number>) =>
  Object.entries(set)
    .map(([id, value]) => `${id} = ${value}`)
    .join(', ') || 'initial values';

export function stepLabel(step: LiveGoldenStep, index: number): string {
  return `step ${index + 1}: ${describeSet(step.set)}`;
}

/** The stages drawn: the output, and the input too when a miss is there. */
export function stagesShown(outside: readonly LiveDifference[]): Stage[] {
  return outside.some((d) => d.stage === 'input') ? ['output', 'input'] : ['output'];
}

function rowsOf(stages: readonly Stage[]): Row[] {
  return stages.flatMap((stage) =>
    ROW_STATISTICS.flatMap((statistic) => (['L', 'R'] as const).map((channel) => ({ stage, channel, statistic }))),
  );
}

const rowLabel = ({ stage, channel, statistic }: Row) =>
  `${stage} ${channel} ${METER_STATISTICS[statistic].label.toUpperCase()}`;

const isMiss = (d: LiveDifference, step: number, row: Row) =>
  d.step === step + 1 &&
  d.stage === row.stage &&
  d.channel === row.channel &&
  d.statistic === METER_STATISTICS[row.statistic].label;

/** The trace points of one step's stretch, on seconds since that step's event. */
function stepTrace(g: LiveGolden, stepIndex: number, stage: Stage, ch: 0 | 1): { t: number; db: number }[] {
  const step = g.steps[stepIndex]!;
  const end = g.steps[stepIndex + 1]?.startFrame ?? step.endFrame;
  const from = step.startFrame - (stepIndex > 0 ? LEAD_SECONDS * g.sampleRate : 0);
  const values = stage === 'output' ? g.trace.outputRmsDb[ch] : g.trace.inputRmsDb[ch];
  const points: { t: number; db: number }[] = [];
  g.trace.frames.forEach((frame, i) => {
    if (frame >= from && frame <= end) points.push({ t: (frame - step.startFrame) / g.sampleRate, db: values[i]! });
  });
  return points;
}

/** One run's trace, settled level and (for the golden) tolerance band in one cell. */
function runCell(series: 'golden' | 'actual', g: LiveGolden, s: number, row: Row, base: object, toleranceDb: number) {
  const own = g.steps[s];
  if (!own) return [];
  const ch = row.channel === 'L' ? 0 : 1;
  const data: Datum[] = [];
  const cell = base as Pick<Datum, 'row' | 'rowOrder' | 'step' | 'stepOrder'>;
  if (METER_STATISTICS[row.statistic].traced)
    for (const p of stepTrace(g, s, row.stage, ch)) data.push({ ...cell, kind: 'trace', series, t: p.t, db: p.db });
  const t = (own.settledFromFrame - own.startFrame) / g.sampleRate;
  const t2 = (own.endFrame - own.startFrame) / g.sampleRate;
  const level = own[row.stage][row.statistic][ch]!;
  data.push({ ...cell, kind: 'level', series, t, t2, db: level });
  const band = own.toleranceDb ? own.toleranceDb[row.stage][row.statistic][ch] : toleranceDb;
  if (series === 'golden' && band !== null && band !== undefined)
    data.push({ ...cell, kind: 'band', series: 'golden ± tolerance', t, t2, db: level - band, db2: level + band });
  return data;
}

/** Every point of the level rows. */
export function meterTraceData(
  golden: LiveGolden | null,
  actual: LiveGolden,
  toleranceDb: number,
  outside: readonly LiveDifference[],
): Datum[] {
  const rows = rowsOf(stagesShown(outside));
  const runs = golden
    ? ([
        ['golden', golden],
        ['actual', actual],
      ] as const)
    : ([['actual', actual]] as const);
  const data: Datum[] = [];
  actual.steps.forEach((step, s) => {
    const stepName = stepLabel(step, s);
    rows.forEach((row, r) => {
      const base = { row: rowLabel(row), rowOrder: r, step: stepName, stepOrder: s };
      data.push({ ...base, kind: 'event', series: 'actual', t: 0, note: s === 0 ? 'start' : 'event' });
      for (const [series, g] of runs) data.push(...runCell(series, g, s, row, base, toleranceDb));
      const miss = outside.find((d) => isMiss(d, s, row));
      if (miss) {
        const t = (step.settledFromFrame - step.startFrame) / actual.sampleRate;
        const t2 = (step.endFrame - step.startFrame) / actual.sampleRate;
        const delta = miss.actualDb - miss.goldenDb;
        const note = `${delta >= 0 ? '+' : ''}${delta.toFixed(2)} dB`;
        data.push({ ...base, kind: 'fail', series: 'outside tolerance', t: (t + t2) / 2, db: miss.actualDb, note });
      }
    });
  });
  return data;
}

/** The deviation row: actual − golden per reading and step. */
export function meterDeviations(golden: LiveGolden, actual: LiveGolden, outside: readonly LiveDifference[]) {
  const stages = stagesShown(outside);
  const rows = rowsOf(stages);
  return actual.steps.flatMap((step, s) => {
    const g = golden.steps[s];
    if (!g) return [];
    return rows.map((row) => {
      const ch = row.channel === 'L' ? 0 : 1;
      return {
        step: stepLabel(step, s),
        stepOrder: s,
        statistic: `${stages.length > 1 ? `${row.stage} ` : ''}${row.channel} ${METER_STATISTICS[row.statistic].label}`,
        delta: step[row.stage][row.statistic][ch]! - g[row.stage][row.statistic][ch]!,
        verdict: outside.some((d) => isMiss(d, s, row)) ? 'outside tolerance' : 'within tolerance',
      };
    });
  });
}
