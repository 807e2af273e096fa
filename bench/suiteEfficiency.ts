/**
 * Figure 5: suite efficiency — wall time of the scenario suite divided by the seconds of live
 * audio its scenarios play — and browser launch to probe-ready, per test.
 */
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchArgs } from '../harness/browser/launchArgs.ts';
import { readHarnessConfig } from '../harness/config/harnessConfig.ts';
import { resolveInputWav } from '../harness/config/inputFixtures.ts';
import { DevModePage } from '../harness/page/devModePage.ts';
import { loadScenarios } from '../harness/scenarios/loadScenarios.ts';
import { startReferenceStack } from '../devmode/server/referenceStack.ts';
import { stats, type Stats } from './stats.ts';

export interface SuiteEfficiencyResult {
  grep: string | null;
  wallSeconds: number;
  liveAudioSeconds: number;
  ratio: number;
  launchToReadyMs: Stats;
}

export async function measureLaunchToReady(repeats: number): Promise<Stats> {
  const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0 });
  const ms: number[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      const browser = await chromium.launch({ executablePath: requireChromium().path, headless: true, args: launchArgs({ captureWav: resolveInputWav('sine-1k-m6dbfs-mono.wav', readHarnessConfig({}).fixturesDirs) }) });
      const page = new DevModePage(await (await browser.newContext()).newPage());
      await page.open(DevModePage.url(`${stack.pageOrigin}/index.html`, { devServerUrl: stack.devServerUrl, dsp: 'mock' }));
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
export async function measureSuiteEfficiency(grep: string | null, launchRepeats: number): Promise<SuiteEfficiencyResult> {
  const scenarios = loadScenarios(readHarnessConfig({}).scenariosDir).filter((s) => !grep || new RegExp(grep).test(s.name));
  const liveAudioSeconds = scenarios.reduce((sum, s) => sum + s.paths.length * s.steps.reduce((t, step) => t + step.holdSeconds, 0), 0);
  const started = performance.now();
  const run = spawnSync('npx', ['playwright', 'test', 'specs/scenarios.spec.ts', ...(grep ? ['--grep', grep] : []), '--reporter=dot'], { stdio: 'ignore' });
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`the scenario suite failed (exit ${run.status}); efficiency is only measured on a green suite`);
  return { grep, wallSeconds, liveAudioSeconds, ratio: wallSeconds / liveAudioSeconds, launchToReadyMs: await measureLaunchToReady(launchRepeats) };
}
