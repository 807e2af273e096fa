/**
 * reports/trend.html, the nightly dashboard: one self-contained page (inline SVG and CSS, its
 * fonts embedded, no script, no external request): it looks the same opened on any machine. It holds
 * - a matrix of tests × runs, coloured by outcome, the validator's verdict as its first row; each
 *   cell links to that run's details further down;
 * - the worst deviation and the DSP cost over time (Vega-Lite charts, dates on the x axis);
 * - per run: date, status, build hash, validator result, failed tests, and a link to the run's
 *   HTML report when the nightly kept it.
 */
import { dspCostChart, INCONCLUSIVE_COLOUR, worstDeviationChart } from '../report/charts/trendCharts.ts';
import { renderChartSvg } from '../report/charts/renderChart.ts';
import { MONO_STACK, SANS_STACK } from '../report/fonts/fontFamilies.ts';
import { withEmbeddedFonts } from '../report/fonts/embeddedFonts.ts';
import type { HistoryEntry } from './history.ts';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const day = (iso: string) => iso.slice(0, 10);

/** A cell's class: p passed, f failed (or flaky), i inconclusive, s skipped, m not in that run. */
function outcomeClass(test: { outcome: string; verdict?: string } | undefined): string {
  if (test === undefined) return 'm';
  if (test.verdict === 'inconclusive') return 'i';
  if (test.outcome === 'expected') return 'p';
  if (test.outcome === 'skipped') return 's';
  return 'f';
}

function validationText(h: HistoryEntry): string {
  if (!h.validation) return 'not run';
  const failed = Object.entries(h.validation.checks)
    .filter(([, s]) => s === 'fail')
    .map(([id]) => id);
  const ran = Object.values(h.validation.checks).filter((s) => s !== 'skip').length;
  return failed.length
    ? `fails ${failed.join(', ')} (strictness ${h.validation.strictness})`
    : `passes ${ran} checks (strictness ${h.validation.strictness})`;
}

function matrix(history: readonly HistoryEntry[], names: string[]): string {
  const head = history
    .map(
      (h, i) =>
        `<th scope="col" title="${escape(h.date)}">${i % 7 === 0 || (i === history.length - 1 && i % 7 > 3) ? `<span>${day(h.date).slice(5)}</span>` : ''}</th>`,
    )
    .join('');
  const validator = history
    .map((h, i) => {
      const c = !h.validation ? 'm' : h.validation.passed ? 'p' : 'f';
      return `<td class="${c}"><a href="#run-${i + 1}" title="${escape(`run ${i + 1}, ${day(h.date)}: validator ${validationText(h)}`)}"></a></td>`;
    })
    .join('');
  const rows = names.map((name) => {
    const cells = history
      .map((h, i) => {
        const t = h.tests[name];
        const c = outcomeClass(t);
        const tip =
          c === 'm'
            ? 'not in this run'
            : c === 'i'
              ? `inconclusive: ${t!.inconclusiveCause ?? 'the machine starved the audio'}`
              : `${t!.outcome}${t!.worstDeviationDb !== null ? `, worst ${t!.worstDeviationDb.toFixed(2)} dB` : ''}`;
        return `<td class="${c}"><a href="#run-${i + 1}" title="run ${i + 1}, ${day(h.date)}: ${escape(tip)}"></a></td>`;
      })
      .join('');
    return `<tr class="test"><th scope="row">${escape(name)}</th>${cells}</tr>`;
  });
  return `<div class="matrix"><table aria-label="tests by runs"><thead><tr><th scope="col">test \\ run</th>${head}</tr></thead><tbody>
<tr class="validator"><th scope="row">validator</th>${validator}</tr>
${rows.join('\n')}
</tbody></table></div>`;
}

function runDetails(h: HistoryEntry, i: number): string {
  const failed = Object.entries(h.tests).filter(([, t]) => t.outcome === 'unexpected' || t.outcome === 'flaky');
  const inconclusive = Object.entries(h.tests).filter(([, t]) => t.verdict === 'inconclusive');
  const report = h.reportPath
    ? `<a href="${escape(h.reportPath)}">HTML report</a>`
    : '<span class="muted">report not kept</span>';
  const items = [
    ...failed.map(
      ([name, t]) =>
        `<li>${escape(name)}${t.worstDeviationDb !== null ? `: worst ${t.worstDeviationDb.toFixed(2)} dB` : ''}</li>`,
    ),
    ...inconclusive.map(
      ([name, t]) =>
        `<li class="inc">inconclusive: ${escape(name)}: ${escape(t.inconclusiveCause ?? 'the machine starved the audio')}</li>`,
    ),
  ];
  const list = items.length ? `<ul>${items.join('')}</ul>` : '';
  return `<tr id="run-${i + 1}" class="${escape(h.status)}"><td>${i + 1}</td><td>${escape(h.date.replace('T', ' ').slice(0, 16))}</td><td>${escape(h.status)}</td><td>${h.passed}</td><td>${h.failed}</td><td>${h.inconclusive ?? 0}</td><td>${h.worstDeviationDb ?? ''}</td><td>${h.dspNsPerFrame ?? ''}</td><td>${escape(validationText(h))}</td><td><code title="${escape(h.buildSha256)}">${escape(h.buildSha256.slice(0, 12))}</code></td><td>${report}</td><td>${list}${h.error ? `<span class="err">${escape(h.error)}</span>` : ''}</td></tr>`;
}

export async function renderTrendPage(history: HistoryEntry[]): Promise<string> {
  const names = [...new Set(history.flatMap((h) => Object.keys(h.tests)))].sort();
  const failedRuns = history.filter((h) => h.status === 'failed' || h.status === 'invalid').length;
  const inconclusiveRuns = history.filter((h) => h.status === 'inconclusive').length;
  const charts = history.length
    ? `${await renderChartSvg(worstDeviationChart(history))}\n${await renderChartSvg(dspCostChart(history))}`
    : '';
  const last = history.at(-1);
  return withEmbeddedFonts(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wavecraft nightly trend</title>
<style>
body{font:14px ${SANS_STACK};margin:1.5rem;color:#222}
code{font-family:${MONO_STACK}}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.matrix{overflow-x:auto;max-width:100%;border:1px solid #ddd}
.matrix table{border-collapse:separate;border-spacing:1px}
.matrix th{font-weight:normal;font-size:11px;text-align:left;white-space:nowrap;padding:0 .4rem 0 .2rem;position:sticky;left:0;background:#fff}
.matrix thead th{height:3.2em;vertical-align:bottom;position:static}
.matrix thead th span{display:inline-block;transform:rotate(-60deg);transform-origin:left bottom;width:1px;white-space:nowrap}
.matrix td{width:12px;min-width:12px;height:14px;padding:0}
.matrix td a{display:block;width:100%;height:100%}
td.p{background:#2a9d4b}td.f{background:#d62728}td.i{background:${INCONCLUSIVE_COLOUR}}td.s{background:#c8c8c8}td.m{background:#f3f3f3}
tr.validator th{font-weight:bold}
.key span{display:inline-block;width:12px;height:12px;margin:0 .3rem 0 1rem;vertical-align:middle}
table.runs{border-collapse:collapse}table.runs td,table.runs th{border:1px solid #ddd;padding:.2rem .45rem;vertical-align:top;font-size:13px}
table.runs tr.failed,table.runs tr.invalid{background:#fdecec}table.runs tr.inconclusive{background:#fff6dc}li.inc{color:#7a5a00}table.runs tr:target{outline:2px solid #1f6fb4}
table.runs ul{margin:0;padding-left:1.1rem}.muted{color:#888}.err{color:#b00}
figure{margin:0}
</style></head>
<body><h1>Nightly trend</h1>
<p>${history.length} run(s)${history.length ? ` from ${day(history[0]!.date)} to ${day(last!.date)}` : ''}; ${failedRuns} failed or invalid, ${inconclusiveRuns} inconclusive (the machine starved the audio: no verdict on the build). ${last ? `Latest: <strong>${escape(last.status)}</strong>, build <code>${escape(last.buildSha256.slice(0, 12))}</code>.` : ''}</p>
<h2>Tests × runs</h2>
<p class="key">Each cell links to its run below.<span class="p" style="background:#2a9d4b"></span>passed<span style="background:#d62728"></span>failed<span style="background:${INCONCLUSIVE_COLOUR}"></span>inconclusive<span style="background:#c8c8c8"></span>skipped<span style="background:#f3f3f3;border:1px solid #ddd"></span>not in the run</p>
${matrix(history, names)}
<h2>Over time</h2>
<figure class="charts">${charts}</figure>
<h2>Runs</h2>
<table class="runs"><thead><tr><th>#</th><th>date (UTC)</th><th>status</th><th>passed</th><th>failed</th><th>inconclusive</th><th>worst deviation (dB)</th><th>DSP ns/frame</th><th>validator</th><th>build</th><th>report</th><th>failures</th></tr></thead><tbody>
${history.map(runDetails).reverse().join('\n')}
</tbody></table>
</body></html>
`);
}
