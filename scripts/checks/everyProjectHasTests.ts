/**
 * Fails when a Playwright project would run no test: a spec folder swallowed by an ignore rule,
 * a testMatch that matches nothing, a project nobody fills. Lists the tests of each config
 * (`playwright test --list --reporter=json`, nothing runs) and names every project with none.
 *
 *   tsx scripts/checks/everyProjectHasTests.ts [config ...]   (default: the repo's configs)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface ListedSuite {
  specs?: { tests: { projectName: string }[] }[];
  suites?: ListedSuite[];
}

/** Tests per project of `config`, as Playwright lists them. */
export function testsPerProject(config: string): { projects: string[]; counts: Map<string, number> } {
  const run = spawnSync('npx', ['playwright', 'test', '-c', config, '--list', '--reporter=json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, WAVECRAFT_WORKERS: '1' },
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`${config}: playwright --list printed no report (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start)) as {
    config: { projects: { name: string }[] };
    suites: ListedSuite[];
  };
  const counts = new Map<string, number>();
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) counts.set(t.projectName, (counts.get(t.projectName) ?? 0) + 1);
    (s.suites ?? []).forEach(walk);
  };
  report.suites.forEach(walk);
  return { projects: report.config.projects.map((p) => p.name), counts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const configs =
    process.argv.length > 2 ? process.argv.slice(2) : ['playwright.config.ts', 'specs/verdict/verdict.config.ts'];
  const empty: string[] = [];
  for (const config of configs) {
    const { projects, counts } = testsPerProject(config);
    for (const p of projects) {
      const n = counts.get(p) ?? 0;
      console.log(`[projects] ${config} › ${p}: ${n} test(s)`);
      if (n === 0) empty.push(`${config} › ${p}`);
    }
  }
  if (empty.length) {
    console.error(
      `[projects] no test in: ${empty.join(', ')}. Is a spec folder ignored by git (git ls-files specs) or missed by its project's testMatch?`,
    );
    process.exit(1);
  }
}
