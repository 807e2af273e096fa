/**
 * The nightly job against a fresh WASM DSP build:
 *   npm run nightly -- --wasm path/to/build.wasm [--grep X]
 * 1. checks the module against the ABI (fails fast, naming the export or field);
 * 2. runs the wasm project against it (WAVECRAFT_WASM);
 * 3. appends one line to reports/history.jsonl;
 * 4. renders reports/trend.html.
 * Exits non-zero on a regression (any failed test) or an invalid module.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDspCost } from '../bench/dspCost.ts';
import { loadWasmDspFile } from '../contracts/wasm/loadWasmDspFile.ts';
import type { Summary } from '../harness/report/summaryReporter.ts';
import { appendHistory, readHistory, type HistoryEntry } from '../harness/nightly/history.ts';
import { renderTrendPage } from '../harness/nightly/trendPage.ts';

const REPORTS = resolve('reports');
const HISTORY = `${REPORTS}/history.jsonl`;
const TREND = `${REPORTS}/trend.html`;
const SUMMARY = `${REPORTS}/summary.json`;

const { values } = parseArgs({ options: { wasm: { type: 'string' }, grep: { type: 'string' } } });
if (!values.wasm) {
  console.error('nightly: --wasm path/to/build.wasm is required');
  process.exit(2);
}
const wasmPath = resolve(values.wasm);
const buildSha256 = existsSync(wasmPath) ? createHash('sha256').update(readFileSync(wasmPath)).digest('hex') : '0'.repeat(64);
const base: Omit<HistoryEntry, 'status' | 'passed' | 'failed' | 'tests' | 'worstDeviationDb'> & { dspNsPerFrame: number | null } = {
  date: new Date().toISOString(),
  wasmPath,
  buildSha256,
  dspNsPerFrame: null,
};

function finish(entry: HistoryEntry, exitCode: number): never {
  appendHistory(HISTORY, entry);
  writeFileSync(TREND, renderTrendPage(readHistory(HISTORY)));
  console.log(`nightly: ${entry.status} (${entry.passed} passed, ${entry.failed} failed); history ${HISTORY}, trend ${TREND}`);
  process.exit(exitCode);
}

try {
  const { definitions } = await loadWasmDspFile(wasmPath);
  console.log(`nightly: ${wasmPath} passes the ABI v1 checks (${definitions.length} parameters)`);
  // Benchmark figure 2 for the trend: the full chain's cost at 128-frame blocks (reference-chain
  // parameters; a module without them runs its defaults).
  base.dspNsPerFrame = Math.round((await measureDspCost(wasmPath, 5, 240_000)).fullChainNsPerFrame128 * 100) / 100;
  console.log(`nightly: DSP cost ${base.dspNsPerFrame} ns per stereo frame (128-frame blocks)`);
} catch (error) {
  console.error(`nightly: ${(error as Error).message}`);
  finish({ ...base, status: 'invalid', passed: 0, failed: 0, tests: {}, worstDeviationDb: null, error: (error as Error).message }, 2);
}

const args = ['playwright', 'test', '--project=wasm', ...(values.grep ? ['--grep', values.grep] : [])];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, WAVECRAFT_WASM: wasmPath } });
if (!existsSync(SUMMARY)) {
  finish({ ...base, status: 'failed', passed: 0, failed: 0, tests: {}, worstDeviationDb: null, error: `playwright exited ${run.status} without ${SUMMARY}` }, 1);
}
const summary = JSON.parse(readFileSync(SUMMARY, 'utf8')) as Summary;
const tests: HistoryEntry['tests'] = {};
for (const t of summary.tests) tests[`${t.project} › ${t.title}`] = { outcome: t.outcome, worstDeviationDb: t.worstDeviationDb, offlineSnrDb: t.offlineSnrDb };
const deviations = summary.tests.map((t) => t.worstDeviationDb).filter((d): d is number => d !== null);
const failed = summary.tests.filter((t) => t.outcome === 'unexpected' || t.outcome === 'flaky').length;
finish(
  {
    ...base,
    status: run.status === 0 && failed === 0 ? 'passed' : 'failed',
    passed: summary.tests.filter((t) => t.outcome === 'expected').length,
    failed,
    tests,
    worstDeviationDb: deviations.length ? Math.max(...deviations) : null,
  },
  run.status === 0 && failed === 0 ? 0 : 1,
);
