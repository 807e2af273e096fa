/**
 * A scenario test's live part: its takes played (one; in record mode several at once, in pages
 * of one extra context), checked against goldens/<path>/<scenario>.json (written in record mode),
 * and the test annotated with what it measured. On starved audio, record mode records nothing and
 * the test is skipped as inconclusive, saying why.
 */
import type { TestInfo } from '@playwright/test';
import type { UpdateMode } from '../goldens/recordMode.ts';
import { checkLiveGolden } from '../goldens/liveGoldenCheck.ts';
import type { DevModePage } from '../page/devModePage.ts';
import { openLivePage } from '../page/openLivePage.ts';
import { annotateUnsettled } from '../scenarios/liveScenario.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import { stepExpectationProblems } from '../scenarios/stepExpectations.ts';
import type { TestFixtures, WorkerFixtures } from '../testFixtures/fixtureTypes.ts';
import { INCONCLUSIVE } from '../verdict/verdict.ts';
import { playLiveTakes, TAKE_STAGGER_MS } from './liveTakes.ts';
import type { ScenarioOutcome } from './scenarioOutcome.ts';
import { test } from '../test.ts';

export type LivePartFixtures = Pick<
  TestFixtures & WorkerFixtures,
  | 'dspPath'
  | 'rpc'
  | 'stack'
  | 'harnessConfig'
  | 'devModePage'
  | 'audioHealth'
  | 'browserPool'
  | 'input'
  | 'audioSource'
  | 'tone'
  | 'pageSampleRate'
  | 'phases'
>;

/** Opens `count` more pages for takes, in one context of the test's browser, a random while apart. */
function takePageOpener(f: LivePartFixtures) {
  return async (count: number) => {
    if (count === 0) return { pages: [], close: async () => undefined };
    // The takes' pages share one context: a context each costs a browser window's renderer more. They open one
    // after another, a random while apart: each page's DSP starts its generators and LFOs at its own time, so where
    // they stand when a step starts differs from take to take, as between runs.
    const context = await (await f.browserPool.get(f.input.capture)).newContext();
    const pages: DevModePage[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * TAKE_STAGGER_MS));
      const page = await context.newPage();
      const clock = f.audioHealth.watch(page);
      const opened = await openLivePage(f.phases, page, {
        pageUrl: f.stack.pageUrl,
        devServerUrl: f.stack.devServerUrl,
        dspPath: f.dspPath,
        fault: f.harnessConfig.fault,
        pageSampleRate: f.pageSampleRate,
        source: f.audioSource,
        inputPath: f.input.path,
        inputPeakDb: f.input.peakDb,
        tone: f.tone,
        onCaptureDropouts: (n) => clock.noteCaptureDropouts(n),
      });
      pages.push(opened.devModePage);
    }
    return { pages, close: () => context.close() };
  };
}

export async function runLivePart(
  f: LivePartFixtures,
  scenario: Scenario,
  dspBuildSha256: string,
  mode: UpdateMode,
  outcome: ScenarioOutcome,
  testInfo: TestInfo,
): Promise<void> {
  const recording = mode !== 'none';
  const { takes, run, inconclusive } = await playLiveTakes({
    rpc: f.rpc,
    page: f.devModePage,
    openPages: takePageOpener(f),
    health: {
      markMeasuring: () => f.audioHealth.markMeasuring(),
      starvation: () => f.audioHealth.starvation('input', 'measurement'),
    },
    scenario,
    path: f.dspPath,
    recording,
    origin: { chromium: f.devModePage.page.context().browser()?.version() ?? 'unknown', dspBuildSha256 },
    inStep: (title, body) => test.step(title, body),
    phases: f.phases,
  });
  // A golden is recorded on clean audio only: on starved audio, record nothing and say why.
  if (inconclusive) {
    testInfo.annotations.push({
      type: INCONCLUSIVE,
      description: `${inconclusive}. Nothing was recorded: goldens are recorded on clean audio only; record again on a quieter machine`,
    });
    test.skip(true, 'inconclusive: the machine starved the audio while recording');
  }
  const checked = await f.phases.time('comparison', () =>
    checkLiveGolden(
      f.harnessConfig.goldensDir,
      takes,
      { levelDb: scenario.tolerances.levelDb, strict: scenario.strict },
      mode,
      testInfo,
    ),
  );
  outcome.add({
    ...checked,
    problems: annotateUnsettled(
      [...stepExpectationProblems(scenario, takes[0]!.steps, f.dspPath), ...checked.problems],
      run.unsettled,
    ),
  });
  for (const [step, note] of Object.entries(run.unsettled))
    testInfo.annotations.push({ type: 'unsettled', description: `step ${step}: ${note}` });
  if (checked.worstDeviationDb !== null)
    testInfo.annotations.push({ type: 'worst-deviation-db', description: checked.worstDeviationDb.toFixed(3) });
  testInfo.annotations.push({ type: 'capture-dropouts', description: String(run.dropouts) });
  if (recording) {
    testInfo.annotations.push({ type: 'takes', description: String(takes.length) });
    await testInfo.attach('golden-repeatability', {
      body: JSON.stringify({ scenario: scenario.name, path: f.dspPath, readings: checked.readings }),
      contentType: 'application/json',
    });
  }
}
