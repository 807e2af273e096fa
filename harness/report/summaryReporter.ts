/**
 * A Playwright reporter for CI dashboards and record runs:
 * - writes reports/summary.json: per test, its status and the worst deviation (dB) and SNRs it measured;
 * - prints, after a record run, the table of golden changes (old → new) and what stayed unchanged.
 * Works after `playwright merge-reports` too, so sharded runs get one summary.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export interface SummaryEntry {
  title: string;
  project: string;
  file: string;
  status: TestResult['status'];
  /** Expected outcome taking skips into account (`passed`, `failed`, `skipped`, `flaky`). */
  outcome: ReturnType<TestCase['outcome']>;
  durationMs: number;
  worstDeviationDb: number | null;
  offlineSnrDb: number | null;
  paritySnrDb: number | null;
  liveSnrDb: number | null;
  error: string | null;
}

export interface Summary {
  generatedAt: string;
  status: FullResult['status'];
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

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = resolve(options.outputFile ?? 'reports/summary.json');
  }

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '';
    // Keyed by test id: a test reported again (a retry, a merged shard) keeps its last result.
    this.entries.set(test.id, {
      title: test.titlePath().slice(3).join(' › ') || test.title,
      project,
      file: test.location.file,
      status: result.status,
      outcome: test.outcome(),
      durationMs: result.duration,
      worstDeviationDb: numeric(test, 'worst-deviation-db'),
      offlineSnrDb: numeric(test, 'offline-snr-db'),
      paritySnrDb: numeric(test, 'parity-snr-db'),
      liveSnrDb: numeric(test, 'live-snr-db'),
      error: result.errors[0]?.message?.replace(/\u001b\[[0-9;]*m/g, '').split('\n').slice(0, 12).join('\n') ?? null,
    });
    for (const attachment of result.attachments) {
      if (attachment.name === 'golden-changes' && attachment.body) this.goldenChanges.push(JSON.parse(attachment.body.toString()) as GoldenChanges);
    }
  }

  onEnd(result: FullResult): void {
    const tests = [...this.entries.values()].sort((a, b) => `${a.project} ${a.title}`.localeCompare(`${b.project} ${b.title}`));
    const counts: Record<string, number> = {};
    for (const t of tests) counts[t.outcome] = (counts[t.outcome] ?? 0) + 1;
    const summary: Summary = { generatedAt: new Date().toISOString(), status: result.status, counts, tests };
    mkdirSync(dirname(this.outputFile), { recursive: true });
    const temp = `${this.outputFile}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(summary, null, 2)}\n`);
    renameSync(temp, this.outputFile);
    if (this.goldenChanges.length > 0) console.log(formatChangeTable(this.goldenChanges));
  }
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
