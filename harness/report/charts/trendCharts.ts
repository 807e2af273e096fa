/**
 * The nightly dashboard's two time series, one point per run with the date on the x axis (UTC):
 * the worst live deviation from the goldens, and the DSP's cost per frame. Runs that failed are
 * drawn in red, so a regression reads as a red point off the line.
 */
import type { TrendRunInput as HistoryEntry } from './chartInputs.ts';
import { SERIES_COLOURS, type ChartSpec } from './renderChart.ts';

/** Amber: measured nothing, blamed nothing. */
export const INCONCLUSIVE_COLOUR = '#e6a700';

const STATUS_DOMAIN = ['passed', 'failed', 'inconclusive', 'invalid'];
const STATUS_RANGE = [SERIES_COLOURS.pass, SERIES_COLOURS.fail, INCONCLUSIVE_COLOUR, '#7b1fa2'];

function timeSeries(
  history: readonly HistoryEntry[],
  value: (h: HistoryEntry) => number | null,
  title: string,
  yTitle: string,
  width: number,
): ChartSpec {
  const points = history
    .map((h, run) => ({
      date: h.date,
      value: value(h),
      status: h.status,
      run: run + 1,
      build: h.buildSha256.slice(0, 12),
    }))
    .filter((p) => p.value !== null && Number.isFinite(p.value));
  const x = {
    field: 'date',
    type: 'temporal',
    title: 'run date (UTC)',
    scale: { type: 'utc' },
    axis: { format: '%Y-%m-%d', labelAngle: -30, labelOverlap: true },
  } as const;
  const y = { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: true } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width,
    height: 180,
    data: { values: points },
    layer: [
      { mark: { type: 'line', color: '#8a8a8a', strokeWidth: 1.2 }, encoding: { x, y } },
      {
        mark: { type: 'point', filled: true, size: history.length > 120 ? 14 : 40 },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: 'run',
            scale: { domain: STATUS_DOMAIN, range: STATUS_RANGE },
          },
          tooltip: [
            { field: 'run' },
            { field: 'date', type: 'temporal', format: '%Y-%m-%d %H:%M' },
            { field: 'value', title: yTitle },
            { field: 'build' },
          ],
        },
      },
    ],
  } as unknown as ChartSpec;
}

export function worstDeviationChart(history: readonly HistoryEntry[], width = 760): ChartSpec {
  return timeSeries(
    history,
    (h) => h.worstDeviationDb,
    'Worst live deviation from the goldens, per run',
    'worst deviation (dB)',
    width,
  );
}

export function dspCostChart(history: readonly HistoryEntry[], width = 760): ChartSpec {
  return timeSeries(
    history,
    (h) => h.dspNsPerFrame,
    'DSP cost at default parameters, per run',
    'ns per stereo frame',
    width,
  );
}
