/**
 * Figure 5: suite efficiency — wall time of the scenario suite divided by the seconds of live
 * audio its scenarios play — and browser launch to probe-ready, per test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchChromium } from '../harness/browser/launchChromium.ts';
import { readHarnessConfig } from '../harness/config/harnessConfig.ts';
import { resolveInputWav } from '../harness/config/inputFixtures.ts';
import { DevModePage } from '../harness/page/devModePage.ts';
import { loadScenarios } from '../harness/scenarios/loadScenarios.ts';
import { startReferenceStack } from '../devmode/index.ts';
import { stats, type Stats } from './stats.ts';
import { phaseTable, type TestPhasesResult } from './testPhases.ts';
import type { Summary } from '../harness/report/summaryReporter.ts';

export interface SuiteEfficiencyResult {
  grep: string | null;
  wallSeconds: number;
  liveAudioSeconds: number;
  ratio: number;
  /** Run start to the first test's start (Playwright, global set-up, worker, stack): the fixed start-up. */
  startupSeconds: number;
  /** (wall − start-up) / live audio: the goal is ≤ 1.5. */
  ratioAfterStartup: number;
  /** Share of both cores busy during the run (/proc/stat): near 1 means the suite is CPU-bound. */
  cpuBusy: number | null;
  launchToReadyMs: Stats;
  /** Where a live test's time goes, from the same run (bench/testPhases.ts). */
  phases: TestPhasesResult;
}

function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3]! - fields[4]!, total };
  } catch {
    return null;
  }
}

export async function measureLaunchToReady(repeats: number): Promise<Stats> {
  const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0 });
  const ms: number[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      const browser = await launchChromium(requireChromium().path, {
        captureWav: resolveInputWav('sine-1k-m6dbfs-mono.wav', readHarnessConfig({}).fixturesDirs),
      });
      const page = new DevModePage(await (await browser.newContext()).newPage());
      await page.open(
        DevModePage.url(`${stack.pageOrigin}/index.html`, { devServerUrl: stack.devServerUrl, dsp: 'mock' }),
      );
      await page.selectSource('mic');
      await page.waitUntilReady();
      ms.push(performance.now() - started);
      await browser.close();
    }
  } finally {
    await stack.close();
  }
  return stats(ms);
}

/** Runs the scenario specs (optionally a --grep subset) and relates wall time to live audio played. */
export async function measureSuiteEfficiency(
  grep: string | null,
  launchRepeats: number,
): Promise<SuiteEfficiencyResult> {
  const scenarios = loadScenarios(readHarnessConfig({}).scenariosDir).filter(
    (s) => !grep || new RegExp(grep).test(s.name),
  );
  const liveAudioSeconds = scenarios.reduce(
    (sum, s) => sum + s.paths.length * s.steps.reduce((t, step) => t + step.holdSeconds, 0),
    0,
  );
  const dir = mkdtempSync(join(tmpdir(), 'suite-'));
  const report = join(dir, 'report.json');
  const summaryFile = join(dir, 'summary.json');
  const before = cpuTicks();
  const started = performance.now();
  const run = spawnSync(
    'npx',
    [
      'playwright',
      'test',
      'specs/scenarios.spec.ts',
      ...(grep ? ['--grep', grep] : []),
      '--reporter=json,./harness/report/summaryReporter.ts',
    ],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report, WAVECRAFT_SUMMARY_FILE: summaryFile },
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const after = cpuTicks();
  if (run.status !== 0)
    throw new Error(`the scenario suite failed (exit ${run.status}); efficiency is only measured on a green suite`);
  const json = JSON.parse(readFileSync(report, 'utf8')) as { stats: { startTime: string }; suites: JsonSuite[] };
  const starts = collectStarts(json.suites);
  const startupSeconds = (Math.min(...starts) - Date.parse(json.stats.startTime)) / 1000;
  return {
    grep,
    wallSeconds,
    liveAudioSeconds,
    ratio: wallSeconds / liveAudioSeconds,
    startupSeconds,
    ratioAfterStartup: (wallSeconds - startupSeconds) / liveAudioSeconds,
    cpuBusy: before && after ? (after.busy - before.busy) / (after.total - before.total) : null,
    launchToReadyMs: await measureLaunchToReady(launchRepeats),
    phases: phaseTable(JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary),
  };
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests: { results: { startTime: string; status: string }[] }[] }[];
}

function collectStarts(suites: JsonSuite[]): number[] {
  return suites.flatMap((s) => [
    ...(s.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) => t.results.filter((r) => r.status !== 'skipped').map((r) => Date.parse(r.startTime))),
    ),
    ...collectStarts(s.suites ?? []),
  ]);
}
