/**
 * The failure (or record) plot of a live golden: golden against actual output meters, one
 * column per scenario step and one row per channel and statistic. Each step is drawn on its own
 * stretch, in seconds since that step's parameter event (golden and actual each on their own
 * event frame), so a run whose steps started a few ms later lines up instead of looking shifted.
 * The settled level of each statistic is drawn with the golden's ±tolerance band (each reading's
 * own, where the golden derived it from its take-to-take spread; none where the reading is not
 * asserted); statistics outside it are marked. RMS rows also carry the downsampled meter traces.
 */
import type {
  MeterDeviationInput as LiveDifference,
  MeterRunInput as LiveGolden,
  MeterRunStepInput as LiveGoldenStep,
} from './chartInputs.ts';
import { SERIES_COLOURS, type ChartSpec } from './renderChart.ts';

export interface MeterTraceChartInput {
  golden: LiveGolden | null;
  actual: LiveGolden;
  toleranceDb: number;
  /** The statistics outside the tolerance (from compareLiveGoldens). */
  outside: readonly LiveDifference[];
}

type Series = 'golden' | 'actual' | 'golden ± tolerance' | 'outside tolerance';
type Stage = 'input' | 'output';
type Statistic = 'rms' | 'peak';
type Channel = 'L' | 'R';

interface Datum {
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

/** Seconds of the previous step shown before each event, so the change itself is visible. */
const LEAD_SECONDS = 0.1;
const SERIES: Series[] = ['golden', 'golden ± tolerance', 'actual', 'outside tolerance'];

const describeSet = (set: Record<string, number>) =>
  Object.entries(set)
    .map(([id, value]) => `${id} = ${value}`)
    .join(', ') || 'initial values';

export function stepLabel(step: LiveGoldenStep, index: number): string {
  return `step ${index + 1}: ${describeSet(step.set)}`;
}

function rowLabel(stage: Stage, channel: Channel, statistic: Statistic): string {
  return `${stage} ${channel} ${statistic.toUpperCase()}`;
}

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

export function meterTraceChart({ golden, actual, toleranceDb, outside }: MeterTraceChartInput): ChartSpec {
  const stages: Stage[] = outside.some((d) => d.stage === 'input') ? ['output', 'input'] : ['output'];
  const rows: { stage: Stage; channel: Channel; statistic: Statistic }[] = [];
  for (const stage of stages)
    for (const statistic of ['rms', 'peak'] as const)
      for (const channel of ['L', 'R'] as const) rows.push({ stage, channel, statistic });

  const data: Datum[] = [];
  const runs: { series: 'golden' | 'actual'; g: LiveGolden }[] = golden
    ? [
        { series: 'golden', g: golden },
        { series: 'actual', g: actual },
      ]
    : [{ series: 'actual', g: actual }];
  actual.steps.forEach((step, s) => {
    const stepName = stepLabel(step, s);
    rows.forEach(({ stage, channel, statistic }, r) => {
      const row = rowLabel(stage, channel, statistic);
      const ch = channel === 'L' ? 0 : 1;
      const key = statistic === 'peak' ? 'peakDb' : 'rmsDb';
      const base = { row, rowOrder: r, step: stepName, stepOrder: s };
      data.push({ ...base, kind: 'event', series: 'actual', t: 0, note: s === 0 ? 'start' : 'event' });
      for (const { series, g } of runs) {
        const own = g.steps[s];
        if (!own) continue;
        if (statistic === 'rms')
          for (const p of stepTrace(g, s, stage, ch)) data.push({ ...base, kind: 'trace', series, t: p.t, db: p.db });
        const t = (own.settledFromFrame - own.startFrame) / g.sampleRate;
        const t2 = (own.endFrame - own.startFrame) / g.sampleRate;
        const level = own[stage][key][ch]!;
        data.push({ ...base, kind: 'level', series, t, t2, db: level });
        const band = own.toleranceDb ? own.toleranceDb[stage][key][ch] : toleranceDb;
        if (series === 'golden' && band !== null && band !== undefined)
          data.push({
            ...base,
            kind: 'band',
            series: 'golden ± tolerance',
            t,
            t2,
            db: level - band,
            db2: level + band,
          });
      }
      const miss = outside.find(
        (d) => d.step === s + 1 && d.stage === stage && d.channel === channel && d.statistic === statistic,
      );
      if (miss) {
        const t = (step.settledFromFrame - step.startFrame) / actual.sampleRate;
        const t2 = (step.endFrame - step.startFrame) / actual.sampleRate;
        const delta = miss.actualDb - miss.goldenDb;
        data.push({
          ...base,
          kind: 'fail',
          series: 'outside tolerance',
          t: (t + t2) / 2,
          db: miss.actualDb,
          note: `${delta >= 0 ? '+' : ''}${delta.toFixed(2)} dB`,
        });
      }
    });
  });

  // One y scale for the levels, from the loudest level down at most 72 dB (silence is -150).
  const levels = data.filter((d) => d.db !== undefined && d.kind !== 'band').map((d) => d.db!);
  const top = Math.max(...levels, -120);
  const bottom = Math.max(Math.min(...levels), top - 72);
  const domain = [Math.floor((bottom - 3) / 6) * 6, Math.ceil((top + 3) / 6) * 6];
  const longest = Math.max(
    ...data.filter((d) => d.t2 !== undefined).map((d) => d.t2!),
    ...data.filter((d) => d.t !== undefined).map((d) => d.t!),
  );
  const colours: Record<Series, string> = {
    golden: SERIES_COLOURS.golden,
    'golden ± tolerance': SERIES_COLOURS.band,
    actual: SERIES_COLOURS.actual,
    'outside tolerance': SERIES_COLOURS.outside,
  };
  const shown = golden ? SERIES : (['actual'] as Series[]);
  const colour = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: shown, range: shown.map((s) => colours[s]) },
  } as const;
  const x = {
    field: 't',
    type: 'quantitative',
    title: "s after the step's event",
    scale: { domain: [actual.steps.length > 1 ? -LEAD_SECONDS : 0, longest], nice: false },
  } as const;
  const y = { field: 'db', type: 'quantitative', title: 'dBFS', scale: { domain, clamp: true } } as const;
  const only = (kind: Datum['kind']) => [{ filter: `datum.kind === '${kind}'` }];
  const failures = outside.length;
  const title = `${actual.scenario} [${actual.path}]: ${golden ? 'golden against actual' : 'recorded'} output meters${golden ? `, ±${toleranceDb} dB` : ''}`;
  const subtitle = !golden
    ? 'no golden yet: this run is recorded as the golden'
    : failures
      ? `${failures} statistic(s) outside the tolerance, marked ✕ with their deviation; each step on its own time axis from its event`
      : 'every statistic within the tolerance; each step on its own time axis from its event';
  // One header line per value set ("step 2:", then "input_trim_level = 0.5", …): a step that sets
  // many parameters, or long Wavecraft ids, would otherwise be cut off at the column's width.
  const column = {
    field: 'step',
    type: 'nominal',
    title: null,
    sort: { field: 'stepOrder' },
    header: { labelLimit: 230, labelFontWeight: 'bold', labelExpr: "split(replace(datum.label, ': ', ':, '), ', ')" },
  } as const;
  const width = 230;

  const levelChart = {
    data: { values: data },
    facet: {
      row: {
        field: 'row',
        type: 'nominal',
        title: null,
        sort: { field: 'rowOrder' },
        header: { labelAngle: 0, labelAlign: 'left', labelLimit: 200, labelFontWeight: 'bold' },
      },
      column,
    },
    spacing: { row: 6, column: 12 },
    spec: {
      width,
      height: 86,
      layer: [
        {
          transform: only('band'),
          mark: { type: 'rect', opacity: 0.8 },
          encoding: { x, x2: { field: 't2' }, y, y2: { field: 'db2' }, color: colour },
        },
        {
          transform: only('trace'),
          mark: { type: 'line', strokeWidth: 1.4, clip: true, interpolate: 'step-after' },
          encoding: {
            x,
            y,
            color: colour,
            strokeDash: {
              field: 'series',
              type: 'nominal',
              legend: null,
              scale: {
                domain: ['golden', 'actual'],
                range: [
                  [1, 0],
                  [5, 3],
                ],
              },
            },
          },
        },
        {
          transform: only('level'),
          mark: { type: 'rule', strokeWidth: 2.5 },
          encoding: { x, x2: { field: 't2' }, y, color: colour },
        },
        { transform: only('event'), mark: { type: 'rule', color: '#555', strokeDash: [3, 3] }, encoding: { x } },
        {
          transform: only('event'),
          mark: { type: 'text', align: 'left', dx: 3, dy: 8, fontSize: 9, color: '#555' },
          encoding: { x, y: { value: 0 }, text: { field: 'note' } },
        },
        {
          transform: only('fail'),
          mark: { type: 'point', shape: 'cross', size: 110, filled: true, strokeWidth: 1 },
          encoding: { x, y, color: colour },
        },
        {
          transform: only('fail'),
          mark: {
            type: 'text',
            align: 'center',
            dy: -11,
            fontSize: 10,
            fontWeight: 'bold',
            color: SERIES_COLOURS.outside,
          },
          encoding: { x, y, text: { field: 'note' } },
        },
      ],
    },
  };
  if (!golden)
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: title, subtitle },
      ...levelChart,
    } as unknown as ChartSpec;

  // The deviation row: actual − golden per statistic and step, against the ±tolerance band.
  const deviations = compareDeviations(golden, actual, stages, outside);
  const worst = Math.max(2 * toleranceDb, ...deviations.map((d) => Math.abs(d.delta)));
  const deviationChart = {
    data: { values: deviations },
    facet: { column: { ...column, header: { labels: false, title: null } } },
    spacing: { column: 12 },
    spec: {
      width,
      height: 90,
      layer: [
        {
          mark: { type: 'rect', color: SERIES_COLOURS.band, opacity: 0.8 },
          encoding: { y: { datum: -toleranceDb }, y2: { datum: toleranceDb } },
        },
        { mark: { type: 'rule', color: '#777' }, encoding: { y: { datum: 0 } } },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x: { field: 'statistic', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0 } },
            y: {
              field: 'delta',
              type: 'quantitative',
              title: 'actual − golden (dB)',
              scale: { domain: [-worst * 1.25, worst * 1.25] },
            },
            color: {
              field: 'verdict',
              type: 'nominal',
              title: null,
              scale: {
                domain: ['within tolerance', 'outside tolerance'],
                range: [SERIES_COLOURS.pass, SERIES_COLOURS.outside],
              },
            },
          },
        },
      ],
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    vconcat: [levelChart, deviationChart],
    spacing: 14,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  } as unknown as ChartSpec;
}

function compareDeviations(
  golden: LiveGolden,
  actual: LiveGolden,
  stages: Stage[],
  outside: readonly LiveDifference[],
) {
  const rows: { step: string; stepOrder: number; statistic: string; delta: number; verdict: string }[] = [];
  actual.steps.forEach((step, s) => {
    const g = golden.steps[s];
    if (!g) return;
    for (const stage of stages) {
      for (const statistic of ['rms', 'peak'] as const) {
        for (const channel of ['L', 'R'] as const) {
          const key = statistic === 'peak' ? 'peakDb' : 'rmsDb';
          const ch = channel === 'L' ? 0 : 1;
          const miss = outside.some(
            (d) => d.step === s + 1 && d.stage === stage && d.channel === channel && d.statistic === statistic,
          );
          rows.push({
            step: stepLabel(step, s),
            stepOrder: s,
            statistic: `${stages.length > 1 ? `${stage} ` : ''}${channel} ${statistic}`,
            delta: step[stage][key][ch]! - g[stage][key][ch]!,
            verdict: miss ? 'outside tolerance' : 'within tolerance',
          });
        }
      }
    }
  });
  return rows;
}
