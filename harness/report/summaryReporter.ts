/**
 * A Playwright reporter for CI dashboards and record runs:
 * - writes reports/summary.json: per test, its status and the worst deviation (dB) and SNRs it measured;
 * - prints, after a record run, the table of golden changes (old → new) and what stayed unchanged,
 *   then the table of readings that do not repeat from take to take: spread, what is asserted
 *   instead, the smallest change each still detects, and why it moves where the harness can tell.
 * Works after `playwright merge-reports` too, so sharded runs get one summary.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { AUDIO_HEALTH, INCONCLUSIVE, runVerdict, verdictOf, type Verdict } from '../verdict/verdict.ts';
import { withoutAnsi } from '../io/withoutAnsi.ts';

export interface SummaryEntry {
  title: string;
  /** Titles from the file down (describe blocks, then the test), for Playwright's --test-list. */
  titlePath: string[];
  /** The spec file the test belongs to (its file suite's; `file` is where test() was called). */
  specFile: string;
  project: string;
  file: string;
  status: TestResult['status'];
  /** Expected outcome taking skips into account (`passed`, `failed`, `skipped`, `flaky`). */
  outcome: ReturnType<TestCase['outcome']>;
  /** passed, failed, inconclusive (the machine starved the audio) or skipped. */
  verdict: Verdict;
  /** Why the test is inconclusive, with figures; null otherwise. */
  inconclusiveCause: string | null;
  /** What the test measured of its machine and audio (one line). */
  audioHealth: string | null;
  durationMs: number;
  worstDeviationDb: number | null;
  offlineSnrDb: number | null;
  paritySnrDb: number | null;
  liveSnrDb: number | null;
  /** Where the test's time went: per phase, [wall ms, machine CPU ms] (harness/health/phaseTimer.ts); null if none. */
  phases: Record<string, [number, number]> | null;
  error: string | null;
}

export interface Summary {
  generatedAt: string;
  /** The config's rootDir: test files in a --test-list are relative to it. */
  rootDir: string;
  status: FullResult['status'];
  /** The run's verdict: failed if any test failed, else inconclusive if any was, else passed. */
  verdict: 'passed' | 'failed' | 'inconclusive';
  /** Tests per verdict. */
  verdicts: Record<Verdict, number>;
  counts: Record<string, number>;
  tests: SummaryEntry[];
}

interface GoldenChanges {
  scenario: string;
  path: string;
  written: string[];
  changes: { golden: string; what: string; old: string; new: string }[];
  unchanged: number;
}

/** A reading of record's takes, as the scenario suite attaches them ('golden-repeatability'). */
interface RepeatabilityReading {
  step: number;
  set: Record<string, number>;
  reading: string;
  valueDb: number;
  spreadDb: number;
  takes: number;
  assertion: 'tolerance' | 'rms-instead' | 'spread';
  toleranceDb: number | null;
  detectableDb: number;
  cause: string | null;
}

interface Repeatability {
  scenario: string;
  path: string;
  readings: RepeatabilityReading[];
}

/** SNRs of identical signals are infinite; JSON has no Infinity, so they are reported as this. */
export const IDENTICAL_SNR_DB = 999;

const numeric = (test: TestCase, type: string): number | null => {
  const value = [...test.annotations].reverse().find((a) => a.type === type)?.description;
  if (value === undefined) return null;
  const n = Number(value);
  if (Number.isNaN(n)) return null;
  return n === Infinity ? IDENTICAL_SNR_DB : n;
};

export default class SummaryReporter implements Reporter {
  private readonly outputFile: string;
  private readonly entries = new Map<string, SummaryEntry>();
  private readonly goldenChanges: GoldenChanges[] = [];
  private readonly repeatability: Repeatability[] = [];
  private rootDir = '';

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = resolve(options.outputFile ?? process.env['WAVECRAFT_SUMMARY_FILE'] ?? 'reports/summary.json');
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig): void {
    this.rootDir = config.rootDir;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    const annotation = (type: string) =>
      [...result.annotations, ...test.annotations].reverse().find((a) => a.type === type)?.description ?? null;
    // Keyed by test id: a test reported again (a retry, a merged shard) keeps its last result.
    this.entries.set(test.id, {
      title: test.titlePath().slice(3).join(' › ') || test.title,
      titlePath: test.titlePath().slice(3),
      specFile: specFileOf(test),
      project,
      file: test.location.file,
      status: result.status,
      outcome: test.outcome(),
      verdict: verdictOf({ outcome: test.outcome(), annotations: [...result.annotations, ...test.annotations] }),
      inconclusiveCause: annotation(INCONCLUSIVE),
      audioHealth: annotation(AUDIO_HEALTH),
      durationMs: result.duration,
      worstDeviationDb: numeric(test, 'worst-deviation-db'),
      offlineSnrDb: numeric(test, 'offline-snr-db'),
      paritySnrDb: numeric(test, 'parity-snr-db'),
      liveSnrDb: numeric(test, 'live-snr-db'),
      phases: phasesOf(annotation('phases')),
      error:
        (result.errors[0]?.message === undefined ? undefined : withoutAnsi(result.errors[0].message))
          ?.split('\n')
          .slice(0, 12)
          .join('\n') ?? null,
    });
    for (const attachment of result.attachments) {
      if (attachment.name === 'golden-changes' && attachment.body)
        this.goldenChanges.push(JSON.parse(attachment.body.toString()) as GoldenChanges);
      if (attachment.name === 'golden-repeatability' && attachment.body)
        this.repeatability.push(JSON.parse(attachment.body.toString()) as Repeatability);
    }
  }

  onEnd(result: FullResult): void {
    const tests = [...this.entries.values()].sort((a, b) =>
      `${a.project} ${a.title}`.localeCompare(`${b.project} ${b.title}`),
    );
    const counts: Record<string, number> = {};
    for (const t of tests) counts[t.outcome] = (counts[t.outcome] ?? 0) + 1;
    const verdicts: Record<Verdict, number> = { passed: 0, failed: 0, inconclusive: 0, skipped: 0 };
    for (const t of tests) verdicts[t.verdict]++;
    // A run that failed outside every test (no test matched --grep, global set-up threw) is failed,
    // never "passed" with nothing checked.
    const testsVerdict = runVerdict(tests.map((t) => t.verdict));
    const runFailedOutsideTests = testsVerdict === 'passed' && result.status !== 'passed';
    const verdict = runFailedOutsideTests ? 'failed' : testsVerdict;
    const summary: Summary = {
      generatedAt: new Date().toISOString(),
      rootDir: this.rootDir,
      status: result.status,
      verdict,
      verdicts,
      counts,
      tests,
    };
    mkdirSync(dirname(this.outputFile), { recursive: true });
    const temp = `${this.outputFile}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(summary, null, 2)}\n`);
    renameSync(temp, this.outputFile);
    if (this.goldenChanges.length > 0) console.log(formatChangeTable(this.goldenChanges));
    if (this.repeatability.length > 0) console.log(formatRepeatabilityTable(this.repeatability));
    console.log(formatVerdicts(verdict, verdicts, tests));
    if (runFailedOutsideTests)
      console.log(
        `  the run itself ${result.status === 'failed' ? 'failed' : `ended ${result.status}`} outside any test${tests.length === 0 ? ': no test ran (does --grep match a scenario title, "scenario <name> › <description>"?)' : ' (see the errors above)'}`,
      );
  }
}

function phasesOf(text: string | null): Record<string, [number, number]> | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, [number, number]>;
  } catch {
    return null;
  }
}

function specFileOf(test: TestCase): string {
  for (let suite: TestCase['parent'] | undefined = test.parent; suite; suite = suite.parent) {
    if (suite.type === 'file') return suite.location?.file ?? test.location.file;
  }
  return test.location.file;
}

/** The run's verdict, with each inconclusive test and its cause: never folded into passed or failed. */
function formatVerdicts(verdict: string, verdicts: Record<Verdict, number>, tests: SummaryEntry[]): string {
  const lines = [
    `\nwavecraft verdict: ${verdict} (${verdicts.passed} passed, ${verdicts.failed} failed, ${verdicts.inconclusive} inconclusive, ${verdicts.skipped} skipped)`,
  ];
  for (const t of tests.filter((x) => x.verdict === 'inconclusive'))
    lines.push(`  inconclusive: [${t.project}] ${t.title.slice(0, 100)}\n    ${t.inconclusiveCause}`);
  return lines.join('\n');
}

function formatChangeTable(all: GoldenChanges[]): string {
  const lines = ['', 'Golden changes (old → new):'];
  let unchanged = 0;
  for (const g of all.sort((a, b) => `${a.path}/${a.scenario}`.localeCompare(`${b.path}/${b.scenario}`))) {
    unchanged += g.unchanged;
    lines.push(`  ${g.path}/${g.scenario}: ${g.written.length ? `written ${g.written.join(', ')}` : 'not written'}`);
    for (const c of g.changes) lines.push(`    ${c.what.padEnd(34)} ${c.old.padStart(10)} → ${c.new}`);
    if (g.changes.length === 0) lines.push('    (no change beyond 0.005 dB)');
  }
  lines.push(`  ${unchanged} statistic(s) unchanged.`);
  return lines.join('\n');
}

/**
 * Record's second table: every reading whose take-to-take spread is beyond what repeats, with what
 * `test` asserts instead and the smallest level change it still detects there.
 */
export function formatRepeatabilityTable(all: readonly Repeatability[]): string {
  const moving = all
    .flatMap((r) =>
      r.readings.filter((x) => x.assertion !== 'tolerance').map((x) => ({ ...x, scenario: r.scenario, path: r.path })),
    )
    .sort((a, b) => `${a.path}/${a.scenario}`.localeCompare(`${b.path}/${b.scenario}`) || a.step - b.step);
  const readings = all.reduce((n, r) => n + r.readings.length, 0);
  const takes = [...new Set(all.flatMap((r) => r.readings.map((x) => x.takes)))].sort((a, b) => a - b).join(' or ');
  if (moving.length === 0)
    return `\nRepeatability: all ${readings} readings repeat from take to take (${takes} takes each): each asserted within its tolerance.`;
  const lines = [
    '',
    `Repeatability: ${moving.length} of ${readings} readings do not repeat from take to take (${takes} takes each); each is asserted as said, and its golden says so:`,
    `  ${'scenario [path] step reading'.padEnd(52)} ${'value'.padStart(8)} ${'spread'.padStart(7)}  asserted instead                    detects  why`,
  ];
  for (const r of moving) {
    const what = `${r.scenario} [${r.path}] step ${r.step} ${r.reading}`;
    const instead =
      r.assertion === 'rms-instead'
        ? `the RMS of the same window`
        : `±${r.toleranceDb!.toFixed(2)} dB (from the spread)`;
    lines.push(
      `  ${what.padEnd(52)} ${r.valueDb.toFixed(2).padStart(8)} ${r.spreadDb.toFixed(2).padStart(7)}  ${instead.padEnd(34)} ±${r.detectableDb.toFixed(2).padEnd(6)} ${r.cause ?? ''}`,
    );
  }
  return lines.join('\n');
}
