/** reports/trend.html: the nightly history as inline SVG plots, one per test, plus a run table. */
import type { HistoryEntry } from './history.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function sparkline(values: (number | null)[], outcomes: string[], label: string): string {
  const width = 520;
  const height = 90;
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(0.1, ...finite);
  const x = (i: number) => 10 + (values.length <= 1 ? 0 : (i / (values.length - 1)) * (width - 20));
  const y = (v: number) => height - 10 - (v / max) * (height - 20);
  const points = values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
  const dots = values
    .map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v ?? 0).toFixed(1)}" r="3" fill="${outcomes[i] === 'expected' ? '#2a9d4b' : outcomes[i] === 'skipped' ? '#999' : '#d1342f'}"><title>${escape(`${label}: ${v ?? 'n/a'} dB (${outcomes[i]})`)}</title></circle>`)
    .join('');
  return `<svg width="${width}" height="${height}" role="img" aria-label="${escape(label)}"><polyline points="${points}" fill="none" stroke="#4a6fd1" stroke-width="1.5"/>${dots}<text x="10" y="12" font-size="10">max ${max.toFixed(2)} dB</text></svg>`;
}

function validationCell(h: HistoryEntry): string {
  if (!h.validation) return '';
  const failed = Object.entries(h.validation.checks).filter(([, s]) => s === 'fail').map(([id]) => id);
  const ran = Object.values(h.validation.checks).filter((s) => s !== 'skip').length;
  return failed.length ? `<span class="bad">fails ${escape(failed.join(', '))}</span> (strictness ${h.validation.strictness})` : `passes ${ran} checks (strictness ${h.validation.strictness})`;
}

export function renderTrendPage(history: HistoryEntry[]): string {
  const names = [...new Set(history.flatMap((h) => Object.keys(h.tests)))].sort();
  const rows = history
    .map(
      (h) =>
        `<tr class="${h.status}"><td>${escape(h.date)}</td><td>${escape(h.status)}</td><td>${h.passed}</td><td>${h.failed}</td><td>${h.worstDeviationDb ?? ''}</td><td>${h.dspNsPerFrame ?? ''}</td><td>${validationCell(h)}</td><td><code>${escape(h.buildSha256.slice(0, 12))}</code></td><td>${escape(h.error ?? '')}</td></tr>`,
    )
    .join('\n');
  const plots = names
    .map((name) => {
      const values = history.map((h) => h.tests[name]?.worstDeviationDb ?? null);
      const outcomes = history.map((h) => h.tests[name]?.outcome ?? 'missing');
      return `<section><h3>${escape(name)}</h3>${sparkline(values, outcomes, name)}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wavecraft nightly trend</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}tr.failed,tr.invalid{background:#fde8e8}span.bad{color:#b00;font-weight:bold}section{display:inline-block;margin:.5rem 1rem .5rem 0}h3{font-size:.85rem;margin:.2rem 0}</style></head>
<body><h1>Nightly trend</h1>
<p>${history.length} run(s). Plots: worst live deviation from the golden per test (dB); green passed, red failed.</p>
<table><thead><tr><th>date</th><th>status</th><th>passed</th><th>failed</th><th>worst deviation (dB)</th><th>DSP ns/frame</th><th>validator</th><th>build</th><th>error</th></tr></thead><tbody>
${rows}
</tbody></table>
${plots}
</body></html>
`;
}
