/**
 * A failed validator check's worst case: the excerpt of each series (the output, the expected
 * output, …) around the worst frame, which is marked. Samples that are not finite (NaN, ±Inf)
 * cannot be drawn on a value axis; they are marked along the top edge instead, so a NaN burst
 * is seen, not hidden.
 */
import type { WorstCaseInput as WorstCase } from './chartInputs.ts';
import { SERIES_COLOURS, type ChartSpec } from './renderChart.ts';

const PALETTE = [SERIES_COLOURS.actual, SERIES_COLOURS.golden, '#2ca02c', SERIES_COLOURS.residual];

export function validatorWorstChart(checkTitle: string, worst: WorstCase): ChartSpec | null {
  const excerpt = worst.excerpt;
  if (!excerpt || excerpt.series.length === 0) return null;
  const points: { frame: number; value: number | null; series: string }[] = [];
  const nonFinite: { frame: number; series: string; what: string }[] = [];
  for (const s of excerpt.series) {
    s.values.forEach((v, i) => {
      const frame = excerpt.fromFrame + i;
      if (Number.isFinite(v)) points.push({ frame, value: v, series: s.label });
      else {
        points.push({ frame, value: null, series: s.label });
        nonFinite.push({ frame, series: s.label, what: String(v) });
      }
    });
  }
  const labels = excerpt.series.map((s) => s.label);
  const colour = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: labels, range: PALETTE.slice(0, labels.length) },
  } as const;
  const x = {
    field: 'frame',
    type: 'quantitative',
    title: `frame${worst.sampleRate ? ` at ${worst.sampleRate} Hz` : ''}${worst.channel ? `, channel ${worst.channel}` : ''}`,
    axis: { format: 'd' },
    scale: { nice: false },
  } as const;
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 1.4, point: points.length <= 64 },
      encoding: { x, y: { field: 'value', type: 'quantitative', title: 'sample value' }, color: colour },
    },
  ];
  if (worst.frame !== undefined) {
    const mark = [{ frame: worst.frame, label: `worst: frame ${worst.frame}` }];
    layers.push(
      {
        data: { values: mark },
        mark: { type: 'rule', color: SERIES_COLOURS.outside, strokeDash: [3, 3] },
        encoding: { x: { field: 'frame', type: 'quantitative' } },
      },
      {
        data: { values: mark },
        mark: { type: 'text', align: 'left', dx: 4, dy: 10, fontSize: 10, color: SERIES_COLOURS.outside },
        encoding: { x: { field: 'frame', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } },
      },
    );
  }
  if (nonFinite.length) {
    layers.push({
      data: { values: nonFinite },
      mark: { type: 'point', shape: 'triangle-down', filled: true, size: 50, color: SERIES_COLOURS.outside },
      encoding: { x: { field: 'frame', type: 'quantitative' }, y: { value: 4 }, tooltip: { field: 'what' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${checkTitle}: worst case`,
      subtitle: `${worst.what}${nonFinite.length ? `; ${nonFinite.length} non-finite sample(s) marked ▼ at the top` : ''}`,
    },
    width: 620,
    height: 200,
    layer: layers,
  } as unknown as ChartSpec;
}
