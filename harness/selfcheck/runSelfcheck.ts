/**
 * selfcheck: what a suite catches. Runs the suite once clean (it must pass), then once per fault
 * from the catalogue, injected around the DSP in the page's worklet (WAVECRAFT_FAULT), and makes a
 * kill table: each fault, caught or missed, by which tests, and the first message it produced.
 * The suite runs with its normal tolerances.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_IDS, FAULTS, isFaultId, type FaultId } from '../../contracts/faults/faultCatalogue.ts';
import type { Summary } from '../report/summaryReporter.ts';

export interface KillRow {
  fault: FaultId;
  description: string;
  caught: boolean;
  /** The tests that failed, as "project › title". */
  by: string[];
  /** The first problem line of the first failing test. */
  message: string | null;
  seconds: number;
}

export interface SelfcheckOptions {
  faults: readonly FaultId[];
  /** Runs the suite with these extra environment variables; resolves to its exit status. */
  runSuite: (env: NodeJS.ProcessEnv) => Promise<number>;
  /** The summary.json the suite's summary reporter writes. */
  summaryFile: string;
  log: (line: string) => void;
}

function readSummary(file: string): Summary | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Summary) : null;
}

/** The most telling line of a failure: the first problem under a "N problem(s)" header, else the first line. */
export function firstProblem(error: string | null): string | null {
  if (!error) return null;
  const lines = error
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const header = lines.findIndex((l) => /\d+ problem\(s\)/.test(l));
  return (header >= 0 ? lines[header + 1] : lines[0])?.replace(/^Error: /, '') ?? null;
}

export async function runSelfcheck({ faults, runSuite, summaryFile, log }: SelfcheckOptions): Promise<KillRow[]> {
  rmSync(summaryFile, { force: true });
  log('selfcheck: the suite without any fault first');
  const clean = await runSuite({});
  const baseline = readSummary(summaryFile);
  const failing = baseline?.tests.filter((t) => t.outcome === 'unexpected' || t.outcome === 'flaky') ?? [];
  if (clean !== 0 || !baseline || failing.length > 0) {
    throw new Error(
      `selfcheck: the suite fails without any fault (${failing.map((t) => t.title).join('; ') || `exit ${clean}`}); fix it before measuring what it catches`,
    );
  }
  const ran = baseline.tests.filter((t) => t.outcome === 'expected').length;
  log(`selfcheck: clean run passed (${ran} tests); now ${faults.length} faults`);
  const rows: KillRow[] = [];
  for (const fault of faults) {
    rmSync(summaryFile, { force: true });
    const started = Date.now();
    await runSuite({ WAVECRAFT_FAULT: fault });
    const summary = readSummary(summaryFile);
    const failed = summary?.tests.filter((t) => t.outcome === 'unexpected' || t.outcome === 'flaky') ?? [];
    const row: KillRow = {
      fault,
      description: FAULTS[fault],
      caught: failed.length > 0,
      by: failed.map((t) => `${t.project} › ${t.title}`),
      message: firstProblem(failed[0]?.error ?? (summary ? null : 'the suite wrote no summary')),
      seconds: (Date.now() - started) / 1000,
    };
    rows.push(row);
    log(
      `selfcheck: ${fault}: ${row.caught ? `caught by ${failed.length} of ${summary?.tests.length ?? 0} tests` : 'MISSED'} (${row.seconds.toFixed(0)} s)`,
    );
  }
  return rows;
}

export function formatKillTable(rows: readonly KillRow[]): string {
  const lines = ['', 'Kill table (fault → caught by):'];
  for (const r of rows) {
    lines.push(`  ${r.caught ? 'caught' : 'MISSED'}  ${r.fault.padEnd(16)} ${r.description}`);
    if (r.caught) {
      lines.push(
        `          by ${r.by.length} test(s): ${r.by.slice(0, 3).join('; ')}${r.by.length > 3 ? `; … ${r.by.length - 3} more` : ''}`,
      );
      if (r.message) lines.push(`          first message: ${r.message}`);
    }
  }
  const caught = rows.filter((r) => r.caught).length;
  lines.push(
    '',
    `${caught} of ${rows.length} faults caught${
      caught === rows.length
        ? ''
        : `; missed: ${rows
            .filter((r) => !r.caught)
            .map((r) => r.fault)
            .join(', ')}`
    }.`,
  );
  return lines.join('\n');
}

/**
 * The faults `--faults a,b` names (every fault of the catalogue when absent); throws naming the unknown ones and the
 * catalogue.
 */
export function parseFaultList(given: string | undefined): FaultId[] {
  const names = given ? given.split(',').map((f) => f.trim()) : FAULT_IDS;
  const unknown = names.filter((f) => !isFaultId(f));
  if (unknown.length)
    throw new RangeError(
      `selfcheck: unknown fault(s) ${unknown.join(', ')}; the catalogue has ${FAULT_IDS.join(', ')}`,
    );
  return names.filter(isFaultId);
}

/**
 * The selfcheck as the CLI and `npm run selfcheck` both run it: the suite clean and once per fault,
 * the kill table printed, `<reportsDir>/selfcheck.json` written. Resolves to the exit status: 0
 * when every fault is caught.
 */
export async function runSelfcheckAndReport(
  options: SelfcheckOptions & { reportsDir: string; extra?: Record<string, unknown> },
): Promise<number> {
  const rows = await runSelfcheck(options);
  options.log(formatKillTable(rows));
  mkdirSync(options.reportsDir, { recursive: true });
  writeFileSync(
    join(options.reportsDir, 'selfcheck.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), ...options.extra, rows }, null, 2)}\n`,
  );
  return rows.every((r) => r.caught) ? 0 : 1;
}
