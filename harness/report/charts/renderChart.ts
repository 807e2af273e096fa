/**
 * Renders a Vega-Lite chart to a standalone SVG string in Node: no browser, no network, no
 * canvas (text widths are estimated, so the output is the same on every machine). Its text asks
 * for the harness's own font family, which the page holding the chart embeds (a standalone SVG:
 * chartFile.ts), so it draws the same glyphs everywhere. Every chart of
 * the harness — failure plots, validator worst cases, the nightly dashboard — goes through here,
 * so they share one look.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { SANS_FAMILY } from '../fonts/fontFamilies.ts';

export type ChartSpec = TopLevelSpec;

/** The harness's chart theme: plain, readable in a report, colour-blind-safe series colours. */
const THEME = {
  // Embedded by the page or the SVG that holds the chart (harness/report/fonts/): the same glyphs on every machine.
  font: SANS_FAMILY,
  background: 'white',
  title: { fontSize: 13, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 10, titleFontSize: 11, gridColor: '#e6e6e6' },
  header: { labelFontSize: 11, titleFontSize: 11 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', labelLimit: 320 },
  view: { stroke: '#bbb' },
} as const;

/** The SVG of a Vega-Lite spec (the theme applied under the spec's own config). */
export async function renderChartSvg(spec: ChartSpec): Promise<string> {
  const themed = { ...spec, config: { ...THEME, ...(spec as { config?: object }).config } } as ChartSpec;
  // A Vega-Lite warning means a chart is not drawn as written: fail, naming it, instead of printing it.
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => void warnings.push(m.join(' ')),
    warn: (...m: unknown[]) => void warnings.push(m.join(' ')),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(themed, { logger: logger as never }).spec;
  if (warnings.length) throw new Error(`chart "${chartTitle(spec)}": Vega-Lite says ${warnings.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return numberClipsFromOne(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Series colours used across the charts: golden, actual, residual, tolerance band, failing points. */
export const SERIES_COLOURS = {
  golden: '#1f6fb4',
  actual: '#e8710a',
  residual: '#6a3d9a',
  band: '#a6cee3',
  outside: '#d62728',
  pass: '#2a9d4b',
  fail: '#d62728',
  skip: '#9a9a9a',
} as const;

/**
 * Vega numbers clip paths with a process-wide counter; number them per chart, so one chart always renders to the same
 * bytes.
 */
function numberClipsFromOne(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bclip(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, `clip${ids.size + 1}`);
    return ids.get(n)!;
  });
}

function chartTitle(spec: ChartSpec): string {
  const title = (spec as { title?: string | { text?: string } }).title;
  return typeof title === 'string' ? title : (title?.text ?? 'untitled');
}
