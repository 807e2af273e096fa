/**
 * A chart as a file of its own (a test's attachment, opened alone from a CI artefact): the SVG
 * of renderChart.ts with the harness's fonts embedded, so it draws the same on every machine.
 * Charts inside a page share the page's embedded fonts instead (withEmbeddedFonts).
 */
import { renderChartSvg, type ChartSpec } from './charts/renderChart.ts';
import { svgWithEmbeddedFonts } from './fonts/embeddedFonts.ts';

export async function chartFile(spec: ChartSpec): Promise<string> {
  return svgWithEmbeddedFonts(await renderChartSvg(spec));
}
