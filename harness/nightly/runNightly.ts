/**
 * The nightly job against a fresh WASM DSP build of a plugin project:
 * 1. checks the module against the ABI (fails fast, naming the export or field);
 * 2. measures its cost at default parameters, and runs the validator (reports/validation.*);
 * 3. runs the project's suite against it (WAVECRAFT_WASM; the build command is not run);
 * 4. appends one line to <reports>/history.jsonl and renders <reports>/trend.html (the dashboard),
 *    keeping the HTML report of a failed run under <reports>/runs/<date>/ for it to link;
 * 5. prints each regression. Returns 0 when all passed, 1 on a regression, 2 for an invalid module.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Summary } from '../report/summaryReporter.ts';
import { appendHistory, readHistory, type HistoryEntry } from './history.ts';
import { measureDspNsPerFrame } from './measureDspCost.ts';
import { renderTrendPage } from './trendPage.ts';
import { writeValidationOutputs } from '../cli/validateCommand.ts';
import { validateWasmFile } from '../validate/runValidation.ts';
import { formatConsoleReport } from '../validate/validationReport.ts';

export interface NightlyOptions {
  project: ProjectConfig;
  wasm: string;
  /** The validator's strictness (default: the config's validate.strictness, else 5). */
  strictness?: number;
  /** Runs the suite (Playwright) with these extra environment variables; returns its exit status. */
  runSuite: (env: NodeJS.ProcessEnv) => Promise<number>;
  log: (line: string) => void;
}

export async function runNightly({ project, wasm, runSuite, log, strictness }: NightlyOptions): Promise<number> {
  const wasmPath = resolve(wasm);
  const history = join(project.reportsDir, 'history.jsonl');
  const trend = join(project.reportsDir, 'trend.html');
  const summaryFile = join(project.reportsDir, 'summary.json');
  const base = {
    date: new Date().toISOString(),
    wasmPath,
    buildSha256: existsSync(wasmPath) ? createHash('sha256').update(readFileSync(wasmPath)).digest('hex') : '0'.repeat(64),
    dspNsPerFrame: null as number | null,
    validation: undefined as HistoryEntry['validation'],
  };
  const finish = async (entry: HistoryEntry, code: number): Promise<number> => {
    appendHistory(history, entry);
    writeFileSync(trend, await renderTrendPage(readHistory(history)));
    log(`nightly: ${entry.status} (${entry.passed} passed, ${entry.failed} failed); history ${history}, trend ${trend}`);
    return code;
  };

  try {
    const { definitions } = await loadWasmDspFile(wasmPath);
    log(`nightly: ${wasmPath} passes the ABI v1 checks (${definitions.length} parameters)`);
    base.dspNsPerFrame = await measureDspNsPerFrame(wasmPath);
    log(`nightly: DSP cost ${base.dspNsPerFrame} ns per stereo frame at default parameters (128-frame blocks)`);
  } catch (error) {
    log(`nightly: ${(error as Error).message}`);
    return finish({ ...base, status: 'invalid', passed: 0, failed: 0, tests: {}, worstDeviationDb: null, error: (error as Error).message }, 2);
  }

  // The validator first: it needs no goldens and names the rule a build breaks.
  const validation = await validateWasmFile(wasmPath, { ...project.validate, strictness: strictness ?? project.validate.strictness ?? 5 });
  log(formatConsoleReport(validation));
  await writeValidationOutputs(validation, { json: join(project.reportsDir, 'validation.json'), junit: join(project.reportsDir, 'validation-junit.xml'), html: join(project.reportsDir, 'validation.html') });
  base.validation = { strictness: validation.strictness, passed: validation.passed, checks: Object.fromEntries(validation.checks.map((c) => [c.id, c.status])) };

  rmSync(summaryFile, { force: true });
  let status: number;
  try {
    status = await runSuite({ WAVECRAFT_WASM: wasmPath });
  } catch (error) {
    log(`nightly: ${(error as Error).message}`);
    return finish({ ...base, status: 'failed', passed: 0, failed: 0, tests: {}, worstDeviationDb: null, error: (error as Error).message }, 1);
  }
  if (!existsSync(summaryFile)) {
    return finish({ ...base, status: 'failed', passed: 0, failed: 0, tests: {}, worstDeviationDb: null, error: `the suite exited ${status} without writing ${summaryFile}` }, 1);
  }
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
  const tests: HistoryEntry['tests'] = {};
  for (const t of summary.tests) tests[`${t.project} › ${t.title}`] = { outcome: t.outcome, worstDeviationDb: t.worstDeviationDb, offlineSnrDb: t.offlineSnrDb };
  const deviations = summary.tests.map((t) => t.worstDeviationDb).filter((d): d is number => d !== null);
  const failedTests = summary.tests.filter((t) => t.outcome === 'unexpected' || t.outcome === 'flaky');
  if (failedTests.length > 0) {
    log(`nightly: ${failedTests.length} regression(s) in ${wasmPath}:`);
    for (const t of failedTests) log(`  ${t.title}\n    ${(t.error ?? 'failed').split('\n').join('\n    ')}`);
  }
  const passed = status === 0 && failedTests.length === 0 && validation.passed;
  // Keep the HTML report of a run that failed (the next run overwrites reports/html), for the trend page to link.
  const reportPath = !passed ? keepReport(project.reportsDir, base.date) : undefined;
  if (!validation.passed) log(`nightly: the validator fails the build on ${validation.checks.filter((c) => c.status === 'fail').map((c) => c.id).join(', ')} (reports/validation.html)`);
  return finish(
    {
      ...base,
      status: passed ? 'passed' : 'failed',
      passed: summary.tests.filter((t) => t.outcome === 'expected').length,
      failed: failedTests.length,
      tests,
      worstDeviationDb: deviations.length ? Math.max(...deviations) : null,
      ...(reportPath ? { reportPath } : {}),
    },
    passed ? 0 : 1,
  );
}

/** Copies <reports>/html to <reports>/runs/<date>/html; returns its index page relative to <reports>, or undefined when there is none. */
function keepReport(reportsDir: string, date: string): string | undefined {
  const from = join(reportsDir, 'html');
  if (!existsSync(join(from, 'index.html'))) return undefined;
  const folder = `runs/${date.replace(/[:.]/g, '-')}/html`;
  cpSync(from, join(reportsDir, folder), { recursive: true });
  return `${folder}/index.html`;
}
