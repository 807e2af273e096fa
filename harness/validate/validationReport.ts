/** The validator's report as people and CI read it: a console table, JUnit XML, JSON, and an HTML page with each failed check's worst case plotted. */
import type { CheckResult, ValidationReport } from './runValidation.ts';
import { describeParams, type WorstCase } from './validatorCheck.ts';

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'skip' } as const;

function describeWorst(w: WorstCase): string {
  const parts = [w.what];
  if (w.params) parts.push(`parameters: ${describeParams(w.params)}`);
  if (w.input) parts.push(`input: ${w.input}`);
  const where = [w.sampleRate !== undefined ? `${w.sampleRate} Hz` : '', w.blockSize !== undefined ? `blocks of ${w.blockSize}` : '', w.frame !== undefined ? `frame ${w.frame}` : '', w.channel ?? ''].filter(Boolean).join(', ');
  if (where) parts.push(`at: ${where}`);
  if (w.value !== undefined) parts.push(`value: ${w.value}${w.expected !== undefined ? ` (expected ${w.expected})` : ''}`);
  return parts.join('\n      ');
}

export function formatConsoleReport(report: ValidationReport): string {
  const lines = [`validate ${report.module} (${report.kind}) at strictness ${report.strictness}, seed ${report.seed}`, ''];
  const width = Math.max(...report.checks.map((c) => c.id.length));
  report.checks.forEach((c, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${MARK[c.status]}  ${c.id.padEnd(width)}  ${(c.durationMs / 1000).toFixed(2).padStart(6)} s  ${c.summary}`);
    if (c.status === 'fail') {
      lines.push(`      ${c.explanation}`);
      if (c.worst) lines.push(`      worst case: ${describeWorst(c.worst)}`);
      lines.push(`      replay: ${c.replay}`);
    }
  });
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const passed = report.checks.filter((c) => c.status === 'pass').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  lines.push('', `${report.passed ? 'the build passes' : 'the build FAILS'} at strictness ${report.strictness}: of ${report.checks.length} checks ${passed} pass, ${failed} fail, ${skipped} skipped (${(report.durationMs / 1000).toFixed(1)} s)`);
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

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

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];

/** The worst case's excerpt as an SVG line plot (frames on x, sample value on y), with the worst frame marked. */
function excerptSvg(w: WorstCase): string {
  const e = w.excerpt;
  if (!e || e.series.length === 0) return '';
  const width = 640;
  const height = 220;
  const pad = 44;
  const all = e.series.flatMap((s) => s.values).filter(Number.isFinite);
  let lo = Math.min(...all, 0);
  let hi = Math.max(...all, 0);
  if (hi - lo < 1e-12) (hi += 1e-6), (lo -= 1e-6);
  const n = e.series[0]!.values.length;
  const x = (i: number) => pad + (i / Math.max(1, n - 1)) * (width - pad - 10);
  const y = (v: number) => height - pad + 10 - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (height - pad - 10);
  const lines = e.series
    .map((s, k) => `<polyline fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="1.5" points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : hi).toFixed(1)}`).join(' ')}"/>`)
    .join('');
  const mark = w.frame !== undefined ? `<line x1="${x(w.frame - e.fromFrame).toFixed(1)}" x2="${x(w.frame - e.fromFrame).toFixed(1)}" y1="10" y2="${height - pad + 10}" stroke="#999" stroke-dasharray="4 3"/><text x="${(x(w.frame - e.fromFrame) + 4).toFixed(1)}" y="22" font-size="11">frame ${w.frame}</text>` : '';
  const legend = e.series.map((s, k) => `<tspan fill="${COLOURS[k % COLOURS.length]}">■ ${xml(s.label)}</tspan>`).join('  ');
  return `<svg width="${width}" height="${height}" role="img" aria-label="worst case of ${xml(w.what)}">
<rect x="${pad}" y="10" width="${width - pad - 10}" height="${height - pad}" fill="none" stroke="#ccc"/>${lines}${mark}
<text x="${pad}" y="${height - 16}" font-size="11">frames ${e.fromFrame}–${e.fromFrame + n - 1}${w.channel ? `, channel ${w.channel}` : ''}</text>
<text x="4" y="16" font-size="11">${hi.toPrecision(3)}</text><text x="4" y="${height - pad + 10}" font-size="11">${lo.toPrecision(3)}</text>
<text x="${width - 10}" y="${height - 16}" font-size="11" text-anchor="end">${legend}</text></svg>`;
}

function checkRow(c: CheckResult, i: number): string {
  const detail = c.status === 'fail' ? `<div class="detail"><p>${xml(c.explanation)}</p>${c.worst ? `<pre>${xml(describeWorst(c.worst))}</pre>${excerptSvg(c.worst)}` : ''}<p><code>${xml(c.replay)}</code></p></div>` : '';
  return `<tr class="${c.status}"><td>${i + 1}</td><td>${xml(c.title)}<br><small>${xml(c.id)}</small></td><td>${MARK[c.status]}</td><td>${(c.durationMs / 1000).toFixed(2)} s</td><td>${xml(c.summary)}${detail}</td></tr>`;
}

export function formatHtmlReport(report: ValidationReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation of ${xml(report.module)}</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;max-width:1100px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top}tr.fail td:nth-child(3){color:#b00;font-weight:bold}tr.pass td:nth-child(3){color:#176b2c}tr.skip{color:#777}.detail{margin-top:.5rem}pre{white-space:pre-wrap;background:#f7f7f7;padding:.4rem}</style></head>
<body><h1>Validation: ${xml(report.module)}</h1>
<p>${report.kind.toUpperCase()} DSP, strictness ${report.strictness}, seed ${report.seed}, ${report.startedAt}, ${(report.durationMs / 1000).toFixed(1)} s: <strong>${report.passed ? 'passes' : 'FAILS'}</strong>.</p>
<table><thead><tr><th>#</th><th>check</th><th>result</th><th>time</th><th>summary</th></tr></thead><tbody>
${report.checks.map(checkRow).join('\n')}
</tbody></table></body></html>
`;
}
