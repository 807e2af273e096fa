/**
 * Flake hunt: the full Playwright suite 10 times in a row, then 5 more times while a CPU hog
 * (one busy process per core, started and stopped here, bounded in time) loads the machine.
 * Prints and writes reports/soak.json: runs, failures, time per run, and per test the spread of
 * the worst live deviation from its golden across runs.
 *
 *   npm run soak [-- --runs 10 --loaded-runs 5] [--wasm build.wasm] [-- playwright filters]
 *
 * --wasm runs the suite against that WASM build (WAVECRAFT_WASM); arguments after `--` go to
 * Playwright (e.g. `-- --grep stereo`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Summary } from '../harness/report/summaryReporter.ts';

const separator = process.argv.indexOf('--', 2);
const filters = separator >= 0 ? process.argv.slice(separator + 1) : [];
const { values } = parseArgs({
  args: separator >= 0 ? process.argv.slice(2, separator) : process.argv.slice(2),
  options: { runs: { type: 'string', default: '10' }, 'loaded-runs': { type: 'string', default: '5' }, wasm: { type: 'string' } },
});
const env = { ...process.env, ...(values.wasm ? { WAVECRAFT_WASM: values.wasm } : {}) };
const plain = Number(values.runs);
const loaded = Number(values['loaded-runs']);
/** The hog never outlives this, even if this script dies. */
const HOG_LIMIT_SECONDS = 30 * 60;

interface Run {
  index: number;
  loaded: boolean;
  exitCode: number;
  seconds: number;
  failed: string[];
  deviations: Record<string, number>;
}

function startHog(): ChildProcess[] {
  return cpus().map(() =>
    spawn(process.execPath, ['-e', `const end = Date.now() + ${HOG_LIMIT_SECONDS * 1000}; while (Date.now() < end) {}`], { stdio: 'ignore' }),
  );
}

function runSuite(index: number, isLoaded: boolean): Run {
  const started = Date.now();
  const result = spawnSync('npx', ['playwright', 'test', ...filters], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const summary = JSON.parse(readFileSync('reports/summary.json', 'utf8')) as Summary;
  const run: Run = {
    index,
    loaded: isLoaded,
    exitCode: result.status ?? 1,
    seconds: (Date.now() - started) / 1000,
    failed: summary.tests.filter((t) => t.outcome === 'unexpected' || t.outcome === 'flaky').map((t) => `${t.project} › ${t.title}: ${t.error ?? ''}`),
    deviations: Object.fromEntries(summary.tests.filter((t) => t.worstDeviationDb !== null).map((t) => [`${t.project} › ${t.title}`, t.worstDeviationDb!])),
  };
  console.log(`soak: run ${index}${isLoaded ? ' (CPU loaded)' : ''}: exit ${run.exitCode}, ${run.failed.length} failed, ${run.seconds.toFixed(1)} s`);
  run.failed.forEach((f) => console.log(`  FAILED ${f}`));
  return run;
}

const runs: Run[] = [];
for (let i = 1; i <= plain; i++) runs.push(runSuite(i, false));
const hog = startHog();
try {
  for (let i = 1; i <= loaded; i++) runs.push(runSuite(plain + i, true));
} finally {
  hog.forEach((p) => p.kill('SIGKILL'));
}

const names = [...new Set(runs.flatMap((r) => Object.keys(r.deviations)))].sort();
const spread = Object.fromEntries(
  names.map((name) => {
    const values = runs.map((r) => r.deviations[name]).filter((v): v is number => v !== undefined);
    return [name, { runs: values.length, minDb: Math.min(...values), maxDb: Math.max(...values) }];
  }),
);
const failures = runs.reduce((n, r) => n + r.failed.length + (r.exitCode !== 0 && r.failed.length === 0 ? 1 : 0), 0);
const report = { generatedAt: new Date().toISOString(), wasm: values.wasm ?? null, filters, plainRuns: plain, loadedRuns: loaded, failures, runs, worstDeviationSpreadDb: spread };
writeFileSync(process.env['WAVECRAFT_SOAK_REPORT'] ?? 'reports/soak.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nsoak: ${runs.length} runs (${loaded} under a ${cpus().length}-core CPU hog), ${failures} failure(s)`);
console.log('worst live deviation from golden, min..max over runs (dB):');
for (const [name, s] of Object.entries(spread)) console.log(`  ${s.minDb.toFixed(2)}..${s.maxDb.toFixed(2)}  ${name}`);
process.exit(failures === 0 ? 0 : 1);
