/**
 * Runs the Playwright suite as two shards on this machine, each writing a blob report, then merges
 * them into one HTML report, junit.xml and summary.json, and checks that the merged summary covers
 * every test exactly once. The same recipe as a CI matrix (see README), on one machine.
 *
 *   npm run sharded [-- <playwright filters>]
 *
 * Outputs go to reports/sharded/ (html, junit.xml, summary.json), leaving a normal run's alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Summary } from '../harness/report/summaryReporter.ts';

const SHARDS = 2;
const filters = process.argv.slice(2);
const reportsDir = 'reports/sharded';
const blobDir = resolve(`${reportsDir}/blob`);
rmSync(blobDir, { recursive: true, force: true });

function npx(args: string[], env: Record<string, string> = {}, capture = false) {
  const run = spawnSync('npx', args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run;
}

// Shards run at the same time, as a CI matrix would: separate output folders, free ports each.
const shards = Array.from({ length: SHARDS }, (_, i) => i + 1).map(
  (n) =>
    new Promise<number>((done) => {
      const child = spawn('npx', ['playwright', 'test', ...filters, `--shard=${n}/${SHARDS}`, '--reporter=blob'], {
        stdio: 'inherit',
        env: {
          ...process.env,
          PLAYWRIGHT_BLOB_OUTPUT_FILE: `${blobDir}/shard-${n}.zip`,
          WAVECRAFT_OUTPUT_DIR: `${reportsDir}/test-results-shard-${n}`,
          WAVECRAFT_WORKERS: '1',
        },
      });
      child.on('exit', (code) => done(code ?? 1));
    }),
);

const codes = await Promise.all(shards);
for (let n = 1; n <= SHARDS; n++) {
  if (!existsSync(`${blobDir}/shard-${n}.zip`))
    throw new Error(`shard ${n} wrote no blob report (exit ${codes[n - 1]})`);
}
const merged = npx(['playwright', 'merge-reports', '--config', 'playwright.merge.config.ts', blobDir], {
  WAVECRAFT_REPORTS_DIR: reportsDir,
});
const listed = npx(['playwright', 'test', ...filters, '--list', '--reporter=json'], {}, true);
const expected = new Set<string>();
const walk = (
  suite: { specs?: { title: string; tests: { projectName: string }[] }[]; suites?: unknown[]; title: string },
  path: string[],
) => {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests) expected.add(`${t.projectName} ${[...path, spec.title].join(' › ')}`);
  // An anonymous describe adds nothing to a title.
  for (const child of (suite.suites ?? []) as (typeof suite)[])
    walk(child, child.title ? [...path, child.title] : path);
};
for (const suite of (JSON.parse(listed.stdout) as { suites: Parameters<typeof walk>[0][] }).suites) walk(suite, []);
const summary = JSON.parse(readFileSync(`${reportsDir}/summary.json`, 'utf8')) as Summary;
const seen = summary.tests.map((t) => `${t.project} ${t.title}`);
const duplicates = seen.filter((t, i) => seen.indexOf(t) !== i);
const missing = [...expected].filter((t) => !seen.includes(t));
console.log(
  `sharded: ${SHARDS} shards (exit ${codes.join(', ')}), merged summary holds ${seen.length} tests, ${expected.size} listed; ${duplicates.length} duplicated, ${missing.length} missing`,
);
if (duplicates.length || missing.length || seen.length !== expected.size) {
  console.error(
    `sharded: merged summary does not cover every test exactly once\n  duplicated: ${duplicates.join('; ')}\n  missing: ${missing.join('; ')}`,
  );
  process.exit(1);
}
process.exit(codes.some((c) => c !== 0) || merged.status !== 0 ? 1 : 0);
