/**
 * A Playwright reporter for CI dashboards and record runs:
 * - writes reports/summary.json: per test, its status and the worst deviation (dB) and SNRs it measured;
 * - prints, after a record run, the table of golden changes (old → new) and what stayed unchanged.
 * Works after `playwright merge-reports` too, so sharded runs get one summary.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { AUDIO_HEALTH, INCONCLUSIVE, runVerdict, verdictOf, type Verdict } from '../verdict/verdict.ts';
import { withoutAnsi } from './withoutAnsi.ts';

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
  private rootDir = '';

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = resolve(options.outputFile ?? 'reports/summary.json');
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
      error:
        (result.errors[0]?.message === undefined ? undefined : withoutAnsi(result.errors[0].message))
          ?.split('\n')
          .slice(0, 12)
          .join('\n') ?? null,
    });
    for (const attachment of result.attachments) {
      if (attachment.name === 'golden-changes' && attachment.body)
        this.goldenChanges.push(JSON.parse(attachment.body.toString()) as GoldenChanges);
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
    const verdict = runVerdict(tests.map((t) => t.verdict));
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
    console.log(formatVerdicts(verdict, verdicts, tests));
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
