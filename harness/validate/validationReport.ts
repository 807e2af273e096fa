/**
 * The validator's report as people and CI read it: a console table, JUnit XML, JSON, and an HTML page with each failed
 * check's worst case plotted (Vega-Lite, inline SVG, its fonts embedded: opens offline and looks the same anywhere).
 */
import type { CheckResult, ValidationReport } from './runValidation.ts';
import { renderChartSvg } from '../report/charts/renderChart.ts';
import { MONO_STACK, SANS_STACK } from '../report/fonts/fontFamilies.ts';
import { withEmbeddedFonts } from '../report/fonts/embeddedFonts.ts';
import { validatorWorstChart } from '../report/charts/validatorWorstChart.ts';
import { SEVERITY } from './problems.ts';
import { describeParams, type WorstCase } from './worstCase.ts';

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'skip' } as const;

function describeWorst(w: WorstCase): string {
  const parts = [w.what];
  if (w.params) parts.push(`parameters: ${describeParams(w.params)}`);
  if (w.input) parts.push(`input: ${w.input}`);
  const where = [
    w.sampleRate !== undefined ? `${w.sampleRate} Hz` : '',
    w.blockSize !== undefined ? `blocks of ${w.blockSize}` : '',
    w.frame !== undefined ? `frame ${w.frame}` : '',
    w.channel ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  if (where) parts.push(`at: ${where}`);
  if (w.value !== undefined)
    parts.push(`value: ${w.value}${w.expected !== undefined ? ` (expected ${w.expected})` : ''}`);
  return parts.join('\n      ');
}

/**
 * "worst first: blow-up in automation-fuzz (4810), level in parameter-jumps (2743), …", every failed check ranked by
 * its worst problem.
 */
export function worstFirst(report: ValidationReport): string | null {
  const failed = report.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return null;
  const rank = (c: CheckResult) => (c.problems?.[0] ? SEVERITY[c.problems[0].kind] : 1);
  const ordered = [...failed].sort((a, b) => rank(a) - rank(b));
  const worst = ordered[0]!;
  return `worst first: ${worst.id}: ${worst.worst?.what ?? worst.summary}${
    ordered.length > 1
      ? ` | then ${ordered
          .slice(1)
          .map((c) => `${c.id}${c.problems?.[0] ? ` (${c.problems[0].kind})` : ''}`)
          .join(', ')}`
      : ''
  }`;
}

export function formatConsoleReport(report: ValidationReport): string {
  const headline = worstFirst(report);
  const lines = [
    `validate ${report.module} (${report.kind}) at strictness ${report.strictness}, seed ${report.seed}`,
    ...(headline ? [headline] : []),
    '',
  ];
  const width = Math.max(...report.checks.map((c) => c.id.length));
  report.checks.forEach((c, i) => {
    lines.push(
      `${String(i + 1).padStart(2)}. ${MARK[c.status]}  ${c.id.padEnd(width)}  ${(c.durationMs / 1000).toFixed(2).padStart(6)} s  ${c.summary}`,
    );
    if (c.status === 'fail') {
      lines.push(`      ${c.explanation}`);
      if (c.worst) lines.push(`      worst case: ${describeWorst(c.worst)}`);
      if (c.problems && c.problems.length > 1)
        lines.push(
          `      all problems, worst first: ${c.problems.map((p) => `${p.count} ${p.kind} (worst: ${p.worst})`).join('; ')}`,
        );
      if (c.evidence)
        lines.push(
          `      the render it was found in (WAV, beside the report): ${Object.values(c.evidence).join(', ')}`,
        );
      lines.push(`      replay: ${c.replay}`);
    }
  });
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const passed = report.checks.filter((c) => c.status === 'pass').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  lines.push(
    '',
    `${report.passed ? 'the build passes' : 'the build FAILS'} at strictness ${report.strictness}: of ${report.checks.length} checks ${passed} pass, ${failed} fail, ${skipped} skipped (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return lines.join('\n');
}

const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function formatJunitReport(report: ValidationReport): string {
  const failures = report.checks.filter((c) => c.status === 'fail').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  const cases = report.checks.map((c) => {
    const body =
      c.status === 'fail'
        ? `<failure message="${xml(c.summary)}">${xml(`${c.explanation}\n${c.worst ? `worst case: ${describeWorst(c.worst)}\n` : ''}replay: ${c.replay}`)}</failure>`
        : c.status === 'skip'
          ? `<skipped message="${xml(c.summary)}"/>`
          : `<system-out>${xml(c.summary)}</system-out>`;
    return `    <testcase classname="validate" name="${xml(`${c.id}: ${c.title}`)}" time="${(c.durationMs / 1000).toFixed(3)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="wavecraft-harness validate" tests="${report.checks.length}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">
  <testsuite name="${xml(report.module)} (strictness ${report.strictness}, seed ${report.seed})" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}" timestamp="${report.startedAt}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

async function checkRow(c: CheckResult, i: number): Promise<string> {
  const chart = c.status === 'fail' && c.worst ? validatorWorstChart(c.title, c.worst) : null;
  const plot = chart ? `<figure>${await renderChartSvg(chart)}</figure>` : '';
  const detail =
    c.status === 'fail'
      ? `<div class="detail"><p>${xml(c.explanation)}</p>${c.worst ? `<pre>${xml(describeWorst(c.worst))}</pre>${plot}` : ''}${evidenceLinks(c)}<p><code>${xml(c.replay)}</code></p></div>`
      : '';
  return `<tr class="${c.status}"><td>${i + 1}</td><td>${xml(c.title)}<br><small>${xml(c.id)}</small></td><td>${MARK[c.status]}</td><td>${(c.durationMs / 1000).toFixed(2)} s</td><td>${xml(c.summary)}${detail}</td></tr>`;
}

/** Links to a failed check's evidence WAVs (beside the page), or nothing. */
function evidenceLinks(c: ValidationReport['checks'][number]): string {
  const files = Object.entries(c.evidence ?? {});
  if (files.length === 0) return '';
  return `<p>the render it was found in: ${files.map(([label, file]) => `<a href="${encodeURI(file)}">${xml(label)}</a>`).join(', ')} (WAV, 32-bit float)</p>`;
}

export async function formatHtmlReport(report: ValidationReport): Promise<string> {
  const rows = await Promise.all(report.checks.map(checkRow));
  return withEmbeddedFonts(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation of ${xml(report.module)}</title>
<style>body{font:14px ${SANS_STACK};margin:1.5rem;max-width:1100px}code,pre{font-family:${MONO_STACK}}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top}tr.fail td:nth-child(3){color:#b00;font-weight:bold}tr.pass td:nth-child(3){color:#176b2c}tr.skip{color:#777}.detail{margin-top:.5rem}figure{margin:.5rem 0}pre{white-space:pre-wrap;background:#f7f7f7;padding:.4rem}</style></head>
<body><h1>Validation: ${xml(report.module)}</h1>
<p>${report.kind.toUpperCase()} DSP, strictness ${report.strictness}, seed ${report.seed}, ${report.startedAt}, ${(report.durationMs / 1000).toFixed(1)} s: <strong>${report.passed ? 'passes' : 'FAILS'}</strong>.</p>
<table><thead><tr><th>#</th><th>check</th><th>result</th><th>time</th><th>summary</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>
`);
}
