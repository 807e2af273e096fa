/**
 * The scenario suite: one test per scenario per DSP path. Each checks the live run's settled meter
 * statistics against goldens/<path>/<scenario>.json, the offline render against
 * goldens/<path>/<scenario>.wav, and, where both paths implement every parameter used, the mock
 * and WASM renders against each other. This repo's own suite (specs/scenarios.spec.ts) and a
 * plugin project's (suite/scenarios.spec.ts, folders from its wavecraft.config.json) both call it.
 */
import { resolveInputWav } from '../config/inputFixtures.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import { dspBuildSha256 } from '../goldens/dspBuildHash.ts';
import type { UpdateMode } from '../goldens/recordMode.ts';
import { loadScenarios } from '../scenarios/loadScenarios.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import { test } from '../test.ts';
import { ScenarioOutcome } from './scenarioOutcome.ts';
import { checkOfflinePart, startOfflineRenders } from './scenarioOfflinePart.ts';
import { runLivePart, type LivePartFixtures } from './scenarioLivePart.ts';
import type { Page, TestInfo } from '@playwright/test';

export function defineScenarioSuite(config: HarnessConfig): void {
  const scenarios = loadScenarios(config.scenariosDir, { tolerances: config.tolerances, strict: config.strict });
  // Any order serves: a worker's one capture browser plays whichever file a test needs (browserPool.ts).
  for (const scenario of scenarios.sort((a, b) => a.name.localeCompare(b.name))) defineScenarioTest(scenario);
}

function defineScenarioTest(scenario: Scenario): void {
  test.describe(`scenario ${scenario.name}`, () => {
    test.use({
      inputWav: scenario.input ?? 'silence-mono.wav',
      audioSource: scenario.source,
      ...(scenario.tone ? { tone: scenario.tone } : {}),
    });
    // Decided from the project's option alone, before any browser starts.
    test.skip(({ dspPath }) => !scenario.paths.includes(dspPath), `runs on ${scenario.paths.join(' and ')} only`);

    // Playwright reads the fixtures a test uses from its first parameter's destructuring: each is named.
    test(
      scenario.description,
      async (
        {
          dspPath,
          rpc,
          stack,
          harnessConfig,
          offlinePage,
          devModePage,
          audioHealth,
          browserPool,
          input,
          audioSource,
          tone,
          pageSampleRate,
          phases,
        },
        testInfo,
      ) => {
        const live = { dspPath, rpc, stack, harnessConfig, devModePage, audioHealth, browserPool, input };
        await runScenarioTest({ ...live, audioSource, tone, pageSampleRate, phases, offlinePage }, scenario, testInfo);
      },
    );
  });
}

/** One scenario test: its offline renders started, its live part played and checked, then its offline part. */
async function runScenarioTest(
  fixtures: LivePartFixtures & { offlinePage: Page },
  scenario: Scenario,
  testInfo: TestInfo,
): Promise<void> {
  const { dspPath, rpc, stack, harnessConfig, offlinePage, phases } = fixtures;
  const mode = testInfo.config.updateSnapshots as UpdateMode;
  const outcome = new ScenarioOutcome(scenario.name, dspPath);
  const dspBuild = dspBuildSha256(dspPath, stack.wasmPath);
  const defaults = Object.fromEntries((await rpc.call('getAllParameters')).parameters.map((p) => [p.id, p.default]));
  const inputPath = scenario.source === 'tone' ? null : resolveInputWav(scenario.input!, harnessConfig.fixturesDirs);
  const renders = startOfflineRenders(
    offlinePage,
    { scenario, pageOrigin: stack.pageOrigin, inputPath, mount: stack.mount, defaults },
    dspPath,
  );
  // Live: settled meter statistics per step.
  if (scenario.live) await runLivePart(fixtures, scenario, dspBuild, mode, outcome, testInfo);
  await checkOfflinePart(
    renders,
    {
      scenario,
      dspPath,
      dspBuildSha256: dspBuild,
      goldensDir: harnessConfig.goldensDir,
      chromium: offlinePage.context().browser()?.version() ?? 'unknown',
      phases,
    },
    mode,
    outcome,
    testInfo,
  );
  await outcome.finish(testInfo, mode);
}
