/**
 * Where a live test's time goes (figure 5's table): the scenario suite run once with the summary
 * reporter, each live test's phases (harness/health/phaseTimer.ts) taken from its `phases`
 * annotation, and per phase the median over the tests of its wall time and of the CPU the machine
 * spent meanwhile (both cores, Chromium included), with its share of a test's wall time. Health
 * polling runs alongside the other phases: its round trips are shown, not added.
 *
 *   npx tsx bench/testPhases.ts [--grep gain-steps] [--workers 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PHASES } from '../harness/health/phaseTimer.ts';
import type { Summary } from '../harness/report/summaryReporter.ts';

export interface PhaseRow {
  phase: string;
  /** Medians over the live tests, ms. */
  wallMs: number;
  cpuMs: number;
  /** The phase's wall time over all tests, as a share of all tests' wall time. */
  share: number;
}

export interface TestPhasesResult {
  tests: number;
  medianTestMs: number;
  rows: PhaseRow[];
  /** The health watch's round trips over the tests' wall time. */
  healthShare: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};

/** Runs Playwright in `root` (this tree by default) on the scenario specs and reads the tests' phases. */
export function measureTestPhases(
  options: { grep?: string | null; workers?: number; root?: string } = {},
): TestPhasesResult {
  const root = options.root ?? fileURLToPath(new URL('..', import.meta.url));
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'phases-')), 'summary.json');
  const run = spawnSync(
    'npx',
    [
      'playwright',
      'test',
      'specs/scenarios.spec.ts',
      ...(options.grep ? ['--grep', options.grep] : []),
      ...(options.workers ? ['--workers', String(options.workers)] : []),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, WAVECRAFT_SUMMARY_FILE: summaryFile } },
  );
  if (run.status !== 0)
    throw new Error(`the scenario suite failed (exit ${run.status}); phases are measured on a green suite`);
  return phaseTable(JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary);
}

/** The table of a run's summary: live tests only (those with an audio phase). */
export function phaseTable(summary: Summary): TestPhasesResult {
  const live = summary.tests.filter((t) => t.phases?.['audio'] && t.status === 'passed');
  const totalMs = live.reduce((sum, t) => sum + t.durationMs, 0);
  const rows: PhaseRow[] = PHASES.filter((p) => p !== 'health polling').map((phase) => {
    const of: [number, number][] = live.map((t) => t.phases?.[phase] ?? [0, 0]);
    return {
      phase,
      wallMs: median(of.map((x) => x[0])),
      cpuMs: median(of.map((x) => x[1])),
      share: of.reduce((sum, x) => sum + x[0], 0) / Math.max(1, totalMs),
    };
  });
  const accounted = rows.reduce((sum, r) => sum + r.share, 0);
  rows.push({ phase: 'other (fixtures, Playwright)', wallMs: 0, cpuMs: 0, share: Math.max(0, 1 - accounted) });
  const polled = live.reduce((sum, t) => sum + (t.phases?.['health polling']?.[0] ?? 0), 0);
  return {
    tests: live.length,
    medianTestMs: median(live.map((t) => t.durationMs)),
    rows,
    healthShare: polled / Math.max(1, totalMs),
  };
}

export function formatPhaseTable(result: TestPhasesResult): string {
  const lines = [
    `   ${result.tests} live tests, median ${(result.medianTestMs / 1000).toFixed(2)} s each`,
    `   ${'phase'.padEnd(28)} ${'wall (median)'.padStart(14)} ${'CPU (median)'.padStart(13)} ${'share of wall'.padStart(14)}`,
  ];
  for (const r of result.rows)
    lines.push(
      `   ${r.phase.padEnd(28)} ${r.wallMs ? `${r.wallMs.toFixed(0)} ms`.padStart(14) : ''.padStart(14)} ${r.cpuMs ? `${r.cpuMs.toFixed(0)} ms`.padStart(13) : ''.padStart(13)} ${`${(r.share * 100).toFixed(1)}%`.padStart(14)}`,
    );
  lines.push(
    `   health polling (alongside): its round trips are ${(result.healthShare * 100).toFixed(1)}% of the tests' wall time`,
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { grep: { type: 'string' }, workers: { type: 'string' } } });
  const result = measureTestPhases({
    grep: values.grep ?? null,
    ...(values.workers ? { workers: Number(values.workers) } : {}),
  });
  console.log(formatPhaseTable(result));
}
