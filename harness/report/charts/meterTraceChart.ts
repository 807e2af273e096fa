/**
 * The failure (or record) plot of a live golden: golden against actual output meters, one
 * column per scenario step and one row per channel and statistic. Each step is drawn on its own
 * stretch, in seconds since that step's parameter event (golden and actual each on their own
 * event frame), so a run whose steps started a few ms later lines up instead of looking shifted.
 * The settled level of each statistic is drawn with the golden's ±tolerance band (each reading's
 * own, where the golden derived it from its take-to-take spread; none where the reading is not
 * asserted); statistics outside it are marked. Traced rows (RMS) also carry the downsampled
 * meter traces. The points come from meterTraceData.ts.
 */
import type { MeterDeviationInput as LiveDifference, MeterRunInput as LiveGolden } from './chartInputs.ts';
import { LEAD_SECONDS, meterDeviations, meterTraceData, type Datum, type Series } from './meterTraceData.ts';
import { SERIES_COLOURS, type ChartSpec } from './renderChart.ts';

export { stepLabel } from './meterTraceData.ts';

export interface MeterTraceChartInput {
  golden: LiveGolden | null;
  actual: LiveGolden;
  toleranceDb: number;
  /** The statistics outside the tolerance (from compareLiveGoldens). */
  outside: readonly LiveDifference[];
}

const SERIES: Series[] = ['golden', 'golden ± tolerance', 'actual', 'outside tolerance'];
const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 230;
const COLOURS: Record<Series, string> = {
  golden: SERIES_COLOURS.golden,
  'golden ± tolerance': SERIES_COLOURS.band,
  actual: SERIES_COLOURS.actual,
  'outside tolerance': SERIES_COLOURS.outside,
};

// One header line per value set ("step 2:", then "input_trim_level = 0.5", …): a step that sets
// many parameters, or long Wavecraft ids, would otherwise be cut off at the column's width.
const COLUMN = {
  field: 'step',
  type: 'nominal',
  title: null,
  sort: { field: 'stepOrder' },
  header: { labelLimit: 230, labelFontWeight: 'bold', labelExpr: "split(replace(datum.label, ': ', ':, '), ', ')" },
} as const;

/** The axes and colour of the level rows: one y scale, from the loudest level down at most 72 dB (silence is -150). */
function levelEncodings(data: readonly Datum[], shown: readonly Series[], steps: number) {
  const levels = data.filter((d) => d.db !== undefined && d.kind !== 'band').map((d) => d.db!);
  const top = Math.max(...levels, -120);
  const bottom = Math.max(Math.min(...levels), top - 72);
  const domain = [Math.floor((bottom - 3) / 6) * 6, Math.ceil((top + 3) / 6) * 6];
  const longest = Math.max(...data.filter((d) => d.t2 !== undefined).map((d) => d.t2!), ...data.map((d) => d.t ?? 0));
  return {
    colour: {
      field: 'series',
      type: 'nominal',
      title: null,
      scale: { domain: shown, range: shown.map((s) => COLOURS[s]) },
    },
    x: {
      field: 't',
      type: 'quantitative',
      title: "s after the step's event",
      scale: { domain: [steps > 1 ? -LEAD_SECONDS : 0, longest], nice: false },
    },
    y: { field: 'db', type: 'quantitative', title: 'dBFS', scale: { domain, clamp: true } },
  } as const;
}

/** The layers of one level cell: band, traces, settled levels, events and misses. */
function levelLayers({ x, y, colour }: ReturnType<typeof levelEncodings>) {
  const only = (kind: Datum['kind']) => [{ filter: `datum.kind === '${kind}'` }];
  const dashes = { domain: ['golden', 'actual'], range: [[1, 0], [5, 3]] }; // prettier-ignore
  const missText = { type: 'text', align: 'center', dy: -11, fontSize: 10, fontWeight: 'bold' } as const;
  return [
    {
      transform: only('band'),
      mark: { type: 'rect', opacity: 0.8 },
      encoding: { x, x2: { field: 't2' }, y, y2: { field: 'db2' }, color: colour },
    },
    {
      transform: only('trace'),
      mark: { type: 'line', strokeWidth: 1.4, clip: true, interpolate: 'step-after' },
      encoding: { x, y, color: colour, strokeDash: { field: 'series', type: 'nominal', legend: null, scale: dashes } },
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
      mark: { ...missText, color: SERIES_COLOURS.outside },
      encoding: { x, y, text: { field: 'note' } },
    },
  ];
}

/** The level rows: one facet row per stage, channel and statistic, one column per step. */
function levelChart(data: Datum[], shown: readonly Series[], steps: number) {
  const rowHeader = { labelAngle: 0, labelAlign: 'left', labelLimit: 200, labelFontWeight: 'bold' };
  return {
    data: { values: data },
    facet: {
      row: { field: 'row', type: 'nominal', title: null, sort: { field: 'rowOrder' }, header: rowHeader },
      column: COLUMN,
    },
    spacing: { row: 6, column: 12 },
    spec: { width: WIDTH, height: 86, layer: levelLayers(levelEncodings(data, shown, steps)) },
  };
}

/** The deviation row: actual − golden per statistic and step, against the ±tolerance band. */
function deviationChart(
  golden: LiveGolden,
  actual: LiveGolden,
  toleranceDb: number,
  outside: readonly LiveDifference[],
) {
  const deviations = meterDeviations(golden, actual, outside);
  const worst = Math.max(2 * toleranceDb, ...deviations.map((d) => Math.abs(d.delta)));
  const verdicts = {
    domain: ['within tolerance', 'outside tolerance'],
    range: [SERIES_COLOURS.pass, SERIES_COLOURS.outside],
  };
  const delta = {
    field: 'delta',
    type: 'quantitative',
    title: 'actual − golden (dB)',
    scale: { domain: [-worst * 1.25, worst * 1.25] },
  };
  return {
    data: { values: deviations },
    facet: { column: { ...COLUMN, header: { labels: false, title: null } } },
    spacing: { column: 12 },
    spec: {
      width: WIDTH,
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
            y: delta,
            color: { field: 'verdict', type: 'nominal', title: null, scale: verdicts },
          },
        },
      ],
    },
  };
}

export function meterTraceChart({ golden, actual, toleranceDb, outside }: MeterTraceChartInput): ChartSpec {
  const data = meterTraceData(golden, actual, toleranceDb, outside);
  const title = `${actual.scenario} [${actual.path}]: ${golden ? 'golden against actual' : 'recorded'} output meters${golden ? `, ±${toleranceDb} dB` : ''}`;
  const subtitle = !golden
    ? 'no golden yet: this run is recorded as the golden'
    : outside.length
      ? `${outside.length} statistic(s) outside the tolerance, marked ✕ with their deviation; each step on its own time axis from its event`
      : 'every statistic within the tolerance; each step on its own time axis from its event';
  const levels = levelChart(data, golden ? SERIES : ['actual'], actual.steps.length);
  if (!golden) return { $schema: VEGA_LITE, title: { text: title, subtitle }, ...levels } as unknown as ChartSpec;
  return {
    $schema: VEGA_LITE,
    title: { text: title, subtitle },
    vconcat: [levels, deviationChart(golden, actual, toleranceDb, outside)],
    spacing: 14,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  } as unknown as ChartSpec;
}
