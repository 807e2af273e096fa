/**
 * The nightly job against a fresh WASM DSP build of a plugin project:
 * 1. checks the module against the ABI (fails fast, naming the export or field);
 * 2. measures its cost at default parameters, and runs the validator (reports/validation.*);
 * 3. runs the project's suite against it (WAVECRAFT_WASM; the build command is not run);
 * 4. appends one line to <reports>/history.jsonl and renders <reports>/trend.html (the dashboard),
 *    keeping the HTML report of a failed run under <reports>/runs/<date>/ for it to link;
 * 5. prints each regression. Returns 0 when all passed, 1 on a regression, 2 for an invalid module,
 *    3 (INCONCLUSIVE_EXIT_CODE) when nothing failed but the machine starved some test's audio.
 *
 * Inconclusive tests (harness/verdict/verdict.ts) are measured once more at the end of the run
 * (Playwright's --test-list), and the run says so. A failed test is never re-run: retries stay 0.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Summary, SummaryEntry } from '../report/summaryReporter.ts';
import { INCONCLUSIVE_EXIT_CODE } from '../verdict/verdict.ts';
import { appendHistory, readHistory, type HistoryEntry } from './history.ts';
import { testListLines } from './testList.ts';
import { renderTrendPage } from './trendPage.ts';
import { writeValidationOutputs } from '../validate/writeValidationOutputs.ts';
import type { ValidationServices } from '../validate/runValidation.ts';
import { DEFAULT_VALIDATE_OPTIONS } from '../validate/validatorOptions.ts';
import { validateWasmFile } from '../validate/runValidation.ts';
import { formatConsoleReport } from '../validate/validationReport.ts';

export interface NightlyOptions {
  project: ProjectConfig;
  wasm: string;
  /** The validator's strictness (default: the config's validate.strictness, else 5). */
  strictness?: number;
  /** Runs the suite (Playwright) with these extra environment variables and arguments; returns its exit status. */
  runSuite: (env: NodeJS.ProcessEnv, extraArgs?: string[]) => Promise<number>;
  log: (line: string) => void;
  /** What the validator's checks need (the CLI passes a Chromium set-up may install). */
  services?: ValidationServices;
}

type NightlyBase = Pick<HistoryEntry, 'date' | 'wasmPath' | 'buildSha256' | 'dspNsPerFrame' | 'validation'>;

/** A run that ends before any test verdict (an invalid module, a suite that did not run): its history line. */
const endedEarly = (base: NightlyBase, status: 'invalid' | 'failed', error: string): HistoryEntry => ({
  ...base,
  status,
  passed: 0,
  failed: 0,
  tests: {},
  worstDeviationDb: null,
  error,
});

export async function runNightly({
  project,
  wasm,
  runSuite,
  log,
  strictness,
  services,
}: NightlyOptions): Promise<number> {
  const wasmPath = resolve(wasm);
  const history = join(project.reportsDir, 'history.jsonl');
  const trend = join(project.reportsDir, 'trend.html');
  const summaryFile = join(project.reportsDir, 'summary.json');
  const base: NightlyBase = {
    date: new Date().toISOString(),
    wasmPath,
    buildSha256: existsSync(wasmPath)
      ? createHash('sha256').update(readFileSync(wasmPath)).digest('hex')
      : '0'.repeat(64),
    dspNsPerFrame: null,
    validation: undefined,
  };
  const finish = async (entry: HistoryEntry, code: number): Promise<number> => {
    appendHistory(history, entry);
    writeFileSync(trend, await renderTrendPage(readHistory(history)));
    log(
      `nightly: ${entry.status} (${entry.passed} passed, ${entry.failed} failed, ${entry.inconclusive ?? 0} inconclusive); history ${history}, trend ${trend}`,
    );
    return code;
  };

  try {
    const { definitions } = await loadWasmDspFile(wasmPath);
    log(`nightly: ${wasmPath} passes the ABI v1 checks (${definitions.length} parameters)`);
  } catch (error) {
    log(`nightly: ${(error as Error).message}`);
    return finish(endedEarly(base, 'invalid', (error as Error).message), 2);
  }

  // The validator first: it needs no goldens and names the rule a build breaks.
  const validation = await validateForNightly(project, wasmPath, strictness, services, log);
  base.dspNsPerFrame = validation.nsPerFrame;
  base.validation = validation.entry;

  rmSync(summaryFile, { force: true });
  let status: number;
  try {
    status = await runSuite({ WAVECRAFT_WASM: wasmPath });
  } catch (error) {
    log(`nightly: ${(error as Error).message}`);
    return finish(endedEarly(base, 'failed', (error as Error).message), 1);
  }
  if (!existsSync(summaryFile))
    return finish(endedEarly(base, 'failed', `the suite exited ${status} without writing ${summaryFile}`), 1);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
  const failedFirst = summary.tests.filter((t) => t.verdict === 'failed');
  // A failed test is never re-run; keep the report that shows it before any re-measurement.
  let reportPath = failedFirst.length > 0 || status !== 0 ? keepReport(project.reportsDir, base.date) : undefined;
  const all = await remeasureInconclusive(summary, { project, wasmPath, summaryFile, runSuite, log });
  const { verdict, entry } = judgeRun(all, {
    wasmPath,
    status,
    failedFirst: failedFirst.length,
    validation,
    summaryFile,
    log,
  });
  if (verdict !== 'passed') reportPath ??= keepReport(project.reportsDir, base.date);
  return finish(
    { ...base, ...entry, status: verdict, ...(reportPath ? { reportPath } : {}) },
    verdict === 'passed' ? 0 : verdict === 'failed' ? 1 : INCONCLUSIVE_EXIT_CODE,
  );
}

/** The run's verdict from its tests, the suite's exit and the validator, each regression said; the history's counts. */
function judgeRun(
  all: readonly SummaryEntry[],
  run: {
    wasmPath: string;
    status: number;
    failedFirst: number;
    validation: { passed: boolean; failedChecks: string[] };
    summaryFile: string;
    log: (line: string) => void;
  },
): {
  verdict: 'passed' | 'failed' | 'inconclusive';
  entry: Pick<HistoryEntry, 'passed' | 'failed' | 'inconclusive' | 'tests' | 'worstDeviationDb'>;
} {
  const { status, validation, log } = run;
  const failedTests = all.filter((t) => t.verdict === 'failed');
  const inconclusiveTests = all.filter((t) => t.verdict === 'inconclusive');
  if (failedTests.length > 0) {
    log(`nightly: ${failedTests.length} regression(s) in ${run.wasmPath}:`);
    for (const t of failedTests) log(`  ${t.title}\n    ${(t.error ?? 'failed').split('\n').join('\n    ')}`);
  }
  for (const t of inconclusiveTests)
    log(`nightly: inconclusive (no verdict on the build): ${key(t)}\n    ${t.inconclusiveCause}`);
  // Playwright exits 0 when nothing failed (an inconclusive test ends skipped); non-zero with no
  // failed test in the summary means the suite itself broke (set-up, a crashed worker).
  const suiteBroke = status !== 0 && run.failedFirst === 0;
  if (suiteBroke)
    log(
      `nightly: the suite exited ${status} with no failed test in ${run.summaryFile}: it did not run to the end (see its output above)`,
    );
  if (!validation.passed)
    log(`nightly: the validator fails the build on ${validation.failedChecks.join(', ')} (reports/validation.html)`);
  const failed = failedTests.length > 0 || suiteBroke || !validation.passed;
  const deviations = all.map((t) => t.worstDeviationDb).filter((d): d is number => d !== null);
  return {
    verdict: failed ? 'failed' : inconclusiveTests.length > 0 ? 'inconclusive' : 'passed',
    entry: {
      passed: all.filter((t) => t.verdict === 'passed').length,
      failed: failedTests.length,
      inconclusive: inconclusiveTests.length,
      tests: historyTests(all),
      worstDeviationDb: deviations.length ? Math.max(...deviations) : null,
    },
  };
}

/** Runs the validator on the build, writes its reports, and reads the DSP cost its cost check measured. */
async function validateForNightly(
  project: ProjectConfig,
  wasmPath: string,
  strictness: number | undefined,
  services: ValidationServices | undefined,
  log: (line: string) => void,
): Promise<{ passed: boolean; failedChecks: string[]; nsPerFrame: number | null; entry: HistoryEntry['validation'] }> {
  const validation = await validateWasmFile(
    wasmPath,
    {
      ...project.validate,
      strictness: strictness ?? project.validate.strictness ?? DEFAULT_VALIDATE_OPTIONS.strictness,
    },
    services,
  );
  await writeValidationOutputs(validation, {
    json: join(project.reportsDir, 'validation.json'),
    junit: join(project.reportsDir, 'validation-junit.xml'),
    html: join(project.reportsDir, 'validation.html'),
  });
  log(formatConsoleReport(validation));
  // The cost trend comes from the validator's cost check (the one measurement of ns per frame).
  const nsPerFrame = validation.checks.find((c) => c.id === 'cost')?.measurements?.['nsPerFrame@128'] ?? null;
  log(
    `nightly: DSP cost ${nsPerFrame ?? 'not measured (the cost check did not run)'}${nsPerFrame === null ? '' : ' ns per stereo frame at default parameters (128-frame blocks, the cost check)'}`,
  );
  return {
    passed: validation.passed,
    failedChecks: validation.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    nsPerFrame,
    entry: {
      strictness: validation.strictness,
      passed: validation.passed,
      checks: Object.fromEntries(validation.checks.map((c) => [c.id, c.status])),
    },
  };
}

/**
 * The run's tests, the inconclusive ones measured once more at the end (Playwright's --test-list):
 * a re-measured test takes its second verdict; one the re-run did not report keeps its first.
 */
async function remeasureInconclusive(
  summary: Summary,
  run: Pick<NightlyOptions, 'project' | 'runSuite' | 'log'> & { wasmPath: string; summaryFile: string },
): Promise<SummaryEntry[]> {
  const { project, wasmPath, summaryFile, runSuite, log } = run;
  const results = new Map(summary.tests.map((t) => [key(t), t]));
  const starved = summary.tests.filter((t) => t.verdict === 'inconclusive');
  if (starved.length === 0) return [...results.values()];
  log(
    `nightly: ${starved.length} test(s) inconclusive, the machine starved their audio; measuring them once more at the end of the run:`,
  );
  for (const t of starved) log(`  ${key(t)}\n    ${t.inconclusiveCause}`);
  const list = join(project.reportsDir, 'inconclusive-tests.txt');
  writeFileSync(list, `${starved.flatMap((t) => testListLines(t, summary.rootDir)).join('\n')}\n`);
  rmSync(summaryFile, { force: true });
  const again = await runSuite({ WAVECRAFT_WASM: wasmPath }, ['--test-list', list]).catch((error: Error) => {
    log(`nightly: the re-measurement could not run: ${error.message}`);
    return 1;
  });
  const second = new Map(
    (existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary).tests : []).map((t) => [
      key(t),
      t,
    ]),
  );
  for (const t of second.values()) results.set(key(t), t);
  // A test the re-run did not report keeps its first verdict, and is said to be "not run".
  const verdicts = starved.map((t) => second.get(key(t))?.verdict ?? 'not run');
  log(
    `nightly: re-measured ${starved.length}: ${['passed', 'failed', 'inconclusive', 'not run'].map((v) => `${verdicts.filter((x) => x === v).length} ${v}`).join(', ')} (exit ${again})`,
  );
  return [...results.values()];
}

/** The history line's per-test record. */
function historyTests(all: readonly SummaryEntry[]): HistoryEntry['tests'] {
  const tests: HistoryEntry['tests'] = {};
  for (const t of all) {
    tests[key(t)] = {
      outcome: t.outcome,
      verdict: t.verdict,
      ...(t.inconclusiveCause ? { inconclusiveCause: t.inconclusiveCause } : {}),
      worstDeviationDb: t.worstDeviationDb,
      offlineSnrDb: t.offlineSnrDb,
    };
  }
  return tests;
}

const key = (t: Pick<SummaryEntry, 'project' | 'title'>) => `${t.project} › ${t.title}`;

/**
 * Copies <reports>/html to <reports>/runs/<date>/html; returns its index page relative to <reports>, or undefined when
 * there is none.
 */
function keepReport(reportsDir: string, date: string): string | undefined {
  const from = join(reportsDir, 'html');
  if (!existsSync(join(from, 'index.html'))) return undefined;
  const folder = `runs/${date.replace(/[:.]/g, '-')}/html`;
  cpSync(from, join(reportsDir, folder), { recursive: true });
  return `${folder}/index.html`;
}
