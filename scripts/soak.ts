/**
 * The noisy-neighbour soak: the live scenario suite against a correct WASM build and a build whose
 * input trim is 0.3 dB too loud (both from fixtures/rust/referenceChain.rs), in four modes:
 *
 *   plain      nothing else running;
 *   neighbour  while a second copy of the full suite runs, over and over, from another clone;
 *   stress     under stress-ng CPU, memory and I/O stressors (installed with apt when missing);
 *   pinned     the whole run pinned to one core (taskset -c 0): a reproducible slower machine.
 *
 * Each mode runs each build `--runs` times (default 5). What must hold, checked here:
 * - the correct build: no failed test, in every mode (inconclusive allowed, each with its cause);
 * - the regressed build: every run fails, naming Δ ≈ +0.3 dB, in plain, neighbour and stress; in
 *   pinned it fails or is inconclusive, never passes.
 * Prints the table (mode × build: runs, tests passed / failed / inconclusive, run verdicts, wall
 * time) and writes reports/soak.json. Exit 0 when everything held.
 *
 *   npm run soak [-- --runs 5 --modes plain,neighbour,stress,pinned] [-- playwright filters]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRustReferenceChain } from '../fixtures/rust/buildRustWasm.ts';
import type { Summary } from '../harness/report/summaryReporter.ts';
import { ensureStressNg } from './setup/ensureStressNg.ts';

const MODES = ['plain', 'neighbour', 'stress', 'pinned'] as const;
type Mode = (typeof MODES)[number];
type Build = 'correct' | 'regressed';
/** The suite soaked unless filters are given: every live scenario and the gain steps, on the WASM path. */
const DEFAULT_FILTERS = ['--project=wasm', 'specs/scenarios.spec.ts', 'specs/gainSteps.spec.ts'];
/** The Δ a +0.3 dB input-trim error shows in a failure message. */
const REGRESSION_DELTA = /Δ \+0\.(2[5-9]|3[0-5])\d* dB/;
/** No neighbour outlives this, even if this script dies. */
const NEIGHBOUR_LIMIT_SECONDS = 3 * 60 * 60;

const separator = process.argv.indexOf('--', 2);
const { values } = parseArgs({
  args: separator >= 0 ? process.argv.slice(2, separator) : process.argv.slice(2),
  options: {
    runs: { type: 'string', default: '5' },
    modes: { type: 'string', default: MODES.join(',') },
    report: { type: 'string', default: 'reports/soak.json' },
  },
});
const filters = separator >= 0 ? process.argv.slice(separator + 1) : DEFAULT_FILTERS;
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new RangeError(`--runs must be a whole number of at least 1, got "${values.runs}"`);
const modes = values.modes!.split(',') as Mode[];
const unknown = modes.filter((m) => !MODES.includes(m));
if (unknown.length)
  throw new RangeError(`--modes: unknown mode(s) ${unknown.join(', ')}; the modes are ${MODES.join(', ')}`);

interface Run {
  mode: Mode;
  build: Build;
  index: number;
  exitCode: number;
  seconds: number;
  verdict: string;
  passed: number;
  failed: number;
  inconclusive: number;
  /** Failed tests: title and first error line. */
  failures: string[];
  /** Inconclusive tests: title and cause. */
  causes: string[];
  /** Whether some failure names Δ ≈ +0.3 dB. */
  namesDelta: boolean;
}

const root = resolve('.');
const work = join(root, 'reports', 'soak');
mkdirSync(work, { recursive: true });
const builds: Record<Build, string> = {
  correct: buildRustReferenceChain(join(work, 'reference-correct.wasm')),
  regressed: buildRustReferenceChain(join(work, 'reference-trim-plus-0.3db.wasm'), '0.3'),
};

function runSuite(mode: Mode, build: Build, index: number): Run {
  const summaryFile = join(work, 'summary.json');
  rmSync(summaryFile, { force: true });
  const started = performance.now();
  const command =
    mode === 'pinned'
      ? ['taskset', '-c', '0', 'npx', 'playwright', 'test', ...filters]
      : ['npx', 'playwright', 'test', ...filters];
  const result = spawnSync(command[0]!, command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      WAVECRAFT_WASM: builds[build],
      WAVECRAFT_SUMMARY_FILE: summaryFile,
      WAVECRAFT_OUTPUT_DIR: join(work, 'test-results'),
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary) : null;
  const tests = summary?.tests ?? [];
  const failed = tests.filter((t) => t.verdict === 'failed');
  const run: Run = {
    mode,
    build,
    index,
    exitCode: result.status ?? 1,
    seconds,
    verdict: summary
      ? summary.verdict
      : `no summary (exit ${result.status}): ${(result.stderr ?? '').split('\n').slice(-3).join(' ')}`,
    passed: tests.filter((t) => t.verdict === 'passed').length,
    failed: failed.length,
    inconclusive: tests.filter((t) => t.verdict === 'inconclusive').length,
    failures: failed.map((t) => `${t.title.slice(0, 80)}: ${(t.error ?? '').split('\n').find((l) => l.trim()) ?? ''}`),
    causes: tests
      .filter((t) => t.verdict === 'inconclusive')
      .map((t) => `${t.title.slice(0, 80)}: ${t.inconclusiveCause}`),
    namesDelta: failed.some((t) => REGRESSION_DELTA.test(t.error ?? '')),
  };
  console.log(
    `soak: ${mode} ${build} run ${index}: ${run.verdict} (${run.passed} passed, ${run.failed} failed, ${run.inconclusive} inconclusive) in ${seconds.toFixed(0)} s${build === 'regressed' ? `; names Δ ≈ +0.3 dB: ${run.namesDelta}` : ''}`,
  );
  if (build === 'correct') run.failures.forEach((f) => console.log(`  FAILED ${f}`));
  run.causes.forEach((c) => console.log(`  inconclusive ${c}`));
  return run;
}

/**
 * A second copy of the full suite, run over and over from a clone of this repo's HEAD (its own builds, shared
 * node_modules).
 */
function startNeighbour(): ChildProcess {
  // Not under reports/: the projects' `reports/**` ignore rules would drop most of its specs.
  const clone = join(tmpdir(), 'wavecraft-soak-neighbour');
  rmSync(clone, { recursive: true, force: true });
  spawnSync('git', ['clone', '--quiet', '--shared', root, clone], { stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  spawnSync('npx', ['tsx', 'scripts/setup.ts'], { cwd: clone, stdio: 'ignore' });
  const loop = `end=$((SECONDS+${NEIGHBOUR_LIMIT_SECONDS})); while [ $SECONDS -lt $end ]; do npx playwright test >/dev/null 2>&1; done`;
  return spawn('bash', ['-c', loop], { cwd: clone, stdio: 'ignore', detached: true });
}

function startStress(): ChildProcess {
  ensureStressNg((line) => console.log(`soak: ${line}`));
  return spawn(
    'stress-ng',
    [
      '--cpu',
      String(availableParallelism()),
      '--vm',
      '1',
      '--vm-bytes',
      '512M',
      '--hdd',
      '1',
      '--hdd-bytes',
      '256M',
      '--timeout',
      `${NEIGHBOUR_LIMIT_SECONDS}s`,
    ],
    { stdio: 'ignore', detached: true },
  );
}

function stop(child: ChildProcess | null): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // its whole process group: the loop and every browser it started
  } catch {
    // already gone
  }
}

const all: Run[] = [];
for (const mode of modes) {
  const neighbour = mode === 'neighbour' ? startNeighbour() : mode === 'stress' ? startStress() : null;
  try {
    // Let the neighbour get going before measuring under it.
    if (neighbour) spawnSync('sleep', ['10']);
    for (const build of ['correct', 'regressed'] as const)
      for (let i = 1; i <= runs; i++) all.push(runSuite(mode, build, i));
  } finally {
    stop(neighbour);
  }
}

/** Whether a row held: the correct build never fails; the regressed one fails naming Δ (or, pinned, never passes). */
function held(mode: Mode, build: Build, rows: Run[]): boolean {
  if (build === 'correct')
    return rows.every((r) => r.failed === 0 && r.verdict !== 'failed' && !r.verdict.startsWith('no summary'));
  if (mode === 'pinned') return rows.every((r) => r.verdict === 'failed' || r.verdict === 'inconclusive');
  return rows.every((r) => r.verdict === 'failed' && r.namesDelta);
}

const span = (xs: number[]) => (xs.length ? `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} s` : '');
const table = [
  '| mode | build | runs | tests passed / failed / inconclusive | run verdicts | wall time per run | held |',
  '|---|---|---|---|---|---|---|',
];
let allHeld = true;
for (const mode of modes) {
  for (const build of ['correct', 'regressed'] as const) {
    const rows = all.filter((r) => r.mode === mode && r.build === build);
    const sum = (k: 'passed' | 'failed' | 'inconclusive') => rows.reduce((n, r) => n + r[k], 0);
    const verdicts = ['passed', 'failed', 'inconclusive']
      .map((v) => `${rows.filter((r) => r.verdict === v).length} ${v}`)
      .join(', ');
    const ok = held(mode, build, rows);
    allHeld &&= ok;
    table.push(
      `| ${mode} | ${build === 'correct' ? 'correct' : '+0.3 dB trim'} | ${rows.length} | ${sum('passed')} / ${sum('failed')} / ${sum('inconclusive')} | ${verdicts} | ${span(rows.map((r) => r.seconds))} | ${ok ? 'yes' : 'NO'} |`,
    );
  }
}
writeFileSync(
  values.report!,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), cores: availableParallelism(), filters, runsPerBuild: runs, held: allHeld, table, runs: all }, null, 2)}\n`,
);
console.log(`\n${table.join('\n')}\n`);
console.log(allHeld ? 'soak: everything held' : 'soak: something did NOT hold (see the table and reports/soak.json)');
process.exit(allHeld ? 0 : 1);
