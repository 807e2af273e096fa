/**
 * Figure 7: the Playwright suite of this tree against the same suite of a baseline commit (today's
 * main before a change), side by side in one run: the spec files both trees have, on the mock and
 * wasm projects, each tree choosing its own workers as a user's run would, alternating
 * baseline/current so a drifting machine hurts both alike. Prints wall time per run and the ratio.
 *
 *   npx tsx bench/suiteVsBaseline.ts [--ref 4e6c197] [--rounds 1]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats, type Stats } from './stats.ts';

/** The main this comparison was first made against: the last landing before issue 19's work. */
export const DEFAULT_BASELINE_REF = '4e6c197';

export interface SuiteVsBaselineResult {
  ref: string;
  specs: string[];
  baselineSeconds: Stats;
  currentSeconds: Stats;
  /** current / baseline, medians: ≤ 1 is no slower. */
  ratio: number;
  failures: { baseline: number; current: number };
}

function specFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.spec.ts')) found.push(relative(root, p));
    }
  };
  walk(join(root, 'specs'));
  return found.sort();
}

const lockHash = (root: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');

/**
 * A clone of `ref` in the OS temp folder, set up to run (node_modules shared when the lock files
 * agree). Not under reports/: the projects' `reports/**` ignore rules would drop its specs.
 */
function prepareBaseline(root: string, ref: string): string {
  const dir = join(tmpdir(), 'wavecraft-bench-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  };
  spawnSync('git', ['clone', '--quiet', '--shared', '--no-checkout', root, dir], { stdio: 'inherit' });
  git('checkout', '--quiet', ref);
  if (lockHash(dir) === lockHash(root)) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  else spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  const setup = spawnSync('npx', ['tsx', 'scripts/setup.ts'], { cwd: dir, stdio: 'ignore' });
  if (setup.status !== 0) throw new Error(`the baseline ${ref} did not set up in ${dir}`);
  return dir;
}

function runSuite(cwd: string, specs: string[]): { seconds: number; failed: number } {
  const started = performance.now();
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '--project=mock', '--project=wasm', '--reporter=json', ...specs],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        WAVECRAFT_OUTPUT_DIR: join(cwd, 'reports', 'bench-test-results'),
        WAVECRAFT_SUMMARY_FILE: join(cwd, 'reports', 'bench-summary.json'),
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  const failed = (() => {
    try {
      return (JSON.parse(json) as { stats: { unexpected: number } }).stats.unexpected;
    } catch {
      return -1;
    }
  })();
  return { seconds, failed };
}

export async function measureSuiteVsBaseline(ref = DEFAULT_BASELINE_REF, rounds = 1): Promise<SuiteVsBaselineResult> {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const baseline = prepareBaseline(root, ref);
  const specs = specFiles(root).filter((s) => existsSync(join(baseline, s)));
  const times = { baseline: [] as number[], current: [] as number[] };
  const failures = { baseline: 0, current: 0 };
  for (let i = 0; i < rounds; i++) {
    for (const [name, dir] of [
      ['baseline', baseline],
      ['current', root],
    ] as const) {
      const r = runSuite(dir, specs);
      times[name].push(r.seconds);
      failures[name] += r.failed;
    }
  }
  const baselineSeconds = stats(times.baseline);
  const currentSeconds = stats(times.current);
  return {
    ref,
    specs,
    baselineSeconds,
    currentSeconds,
    ratio: currentSeconds.median / baselineSeconds.median,
    failures,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { ref: { type: 'string', default: DEFAULT_BASELINE_REF }, rounds: { type: 'string', default: '1' } },
  });
  const r = await measureSuiteVsBaseline(values.ref!, Number(values.rounds));
  const range = (x: Stats) => `${x.median.toFixed(1)} s [${x.min.toFixed(1)}–${x.max.toFixed(1)}]`;
  console.log(
    `suite vs ${r.ref} (${r.specs.length} spec files both have, mock + wasm): baseline ${range(r.baselineSeconds)}, current ${range(r.currentSeconds)}, ratio ${r.ratio.toFixed(2)}; failures baseline ${r.failures.baseline}, current ${r.failures.current}`,
  );
}
