/**
 * The scenario suite: one test per scenario per DSP path. Each checks the live run's settled meter
 * statistics against goldens/<path>/<scenario>.json, the offline render against
 * goldens/<path>/<scenario>.wav, and, where both paths implement every parameter used, the mock
 * and WASM renders against each other. This repo's own suite (specs/scenarios.spec.ts) and a
 * plugin project's (suite/scenarios.spec.ts, folders from its wavecraft.config.json) both call it.
 */
import { resolveInputWav } from '../config/inputFixtures.ts';
import { compareAudio, describeComparison } from '../analysis/compareAudio.ts';
import { dspBuildSha256 } from '../goldens/dspBuildHash.ts';
import { OFFLINE_GOLDEN_VERSION } from '../goldens/offlineGolden.ts';
import { checkLiveGolden, checkOfflineGolden, type GoldenChange } from '../goldens/scenarioGoldens.ts';
import type { UpdateMode } from '../goldens/recordMode.ts';
import { INCONCLUSIVE } from '../verdict/verdict.ts';
import { annotateUnsettled } from '../scenarios/liveScenario.ts';
import { openLivePage } from '../page/openLivePage.ts';
import { playLiveTakes, TAKE_STAGGER_MS } from './liveTakes.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import { loadScenarios } from '../scenarios/loadScenarios.ts';
import { renderScenarioOffline } from '../scenarios/offlineScenario.ts';
import { stepExpectationProblems } from '../scenarios/stepExpectations.ts';
import { scanSamples } from '../validate/render.ts';
import { isParityScenario } from '../scenarios/parity.ts';
import { test } from '../test.ts';

const PARITY_SNR_DB = 120;

export function defineScenarioSuite(config: HarnessConfig): void {
  for (const scenario of loadScenarios(config.scenariosDir, { tolerances: config.tolerances, strict: config.strict })) {
    test.describe(`scenario ${scenario.name}`, () => {
      test.use({
        inputWav: scenario.input ?? 'silence-mono.wav',
        audioSource: scenario.source,
        ...(scenario.tone ? { tone: scenario.tone } : {}),
      });
      // Decided from the project's option alone, before any browser starts.
      test.skip(({ dspPath }) => !scenario.paths.includes(dspPath), `runs on ${scenario.paths.join(' and ')} only`);

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
          const mode = testInfo.config.updateSnapshots as UpdateMode;
          const problems: string[] = [];
          const changes: GoldenChange[] = [];
          const written: string[] = [];
          let unchanged = 0;
          const dspBuild = dspBuildSha256(dspPath, stack.wasmPath);

          // Live: settled meter statistics per step.
          const defaults = Object.fromEntries(
            (await rpc.call('getAllParameters')).parameters.map((p) => [p.id, p.default]),
          );
          if (scenario.live) {
            const recording = mode !== 'none';
            const { takes, run, inconclusive } = await playLiveTakes({
              rpc,
              page: devModePage,
              openPages: async (count) => {
                if (count === 0) return { pages: [], close: async () => undefined };
                // The takes' pages share one context: a context each costs a browser window's renderer more. They
                // open one after another, a random while apart: each page's DSP starts its generators and LFOs at
                // its own time, so where they stand when a step starts differs from take to take, as between runs.
                const context = await (await browserPool.get(input.path)).newContext();
                const pages: DevModePage[] = [];
                for (let i = 0; i < count; i++) {
                  await new Promise((resolve) => setTimeout(resolve, Math.random() * TAKE_STAGGER_MS));
                  const page = await context.newPage();
                  const clock = audioHealth.watch(page);
                  const opened = await openLivePage(phases, page, {
                    pageUrl: stack.pageUrl,
                    devServerUrl: stack.devServerUrl,
                    dspPath,
                    fault: harnessConfig.fault,
                    pageSampleRate,
                    source: audioSource,
                    inputPath: input.path,
                    inputPeakDb: input.peakDb,
                    tone,
                    onCaptureDropouts: (n) => clock.noteCaptureDropouts(n),
                  });
                  pages.push(opened.devModePage);
                }
                return { pages, close: () => context.close() };
              },
              health: {
                markMeasuring: () => audioHealth.markMeasuring(),
                starvation: () => audioHealth.starvation('input', 'measurement'),
              },
              scenario,
              path: dspPath,
              recording,
              origin: {
                chromium: devModePage.page.context().browser()?.version() ?? 'unknown',
                dspBuildSha256: dspBuild,
              },
              inStep: (title, body) => test.step(title, body),
              phases,
            });
            // A golden is recorded on clean audio only: on starved audio, record nothing and say why.
            if (inconclusive) {
              testInfo.annotations.push({
                type: INCONCLUSIVE,
                description: `${inconclusive}. Nothing was recorded: goldens are recorded on clean audio only; record again on a quieter machine`,
              });
              test.skip(true, 'inconclusive: the machine starved the audio while recording');
            }
            const live = run;
            const checked = await phases.time('comparison', () =>
              checkLiveGolden(
                harnessConfig.goldensDir,
                takes,
                { levelDb: scenario.tolerances.levelDb, strict: scenario.strict },
                mode,
                testInfo,
              ),
            );
            problems.push(
              ...annotateUnsettled(
                [...stepExpectationProblems(scenario, takes[0]!.steps, dspPath), ...checked.problems],
                live.unsettled,
              ),
            );
            for (const [step, note] of Object.entries(live.unsettled))
              testInfo.annotations.push({ type: 'unsettled', description: `step ${step}: ${note}` });
            changes.push(...checked.changes);
            written.push(...checked.written);
            unchanged += checked.unchanged;
            if (checked.worstDeviationDb !== null)
              testInfo.annotations.push({
                type: 'worst-deviation-db',
                description: checked.worstDeviationDb.toFixed(3),
              });
            testInfo.annotations.push({ type: 'capture-dropouts', description: String(live.dropouts) });
            if (recording) {
              testInfo.annotations.push({ type: 'takes', description: String(takes.length) });
              await testInfo.attach('golden-repeatability', {
                body: JSON.stringify({ scenario: scenario.name, path: dspPath, readings: checked.readings }),
                contentType: 'application/json',
              });
            }
          }

          // Offline: exact frames, deterministic output.
          const inputPath =
            scenario.source === 'tone' ? null : resolveInputWav(scenario.input!, harnessConfig.fixturesDirs);
          const common = { scenario, pageOrigin: stack.pageOrigin, inputPath, mount: stack.mount, defaults };
          const offline = await phases.time('offline render', () =>
            renderScenarioOffline(offlinePage, { ...common, dsp: dspPath }),
          );
          // No golden needed to know these are wrong: NaN, ±Inf or subnormal output samples.
          const scan = scanSamples(offline.render.channels);
          if (scan.first) {
            problems.push(
              `${scenario.name} [${dspPath}] offline render: ${scan.nan} NaN, ${scan.inf} Inf and ${scan.subnormal} subnormal output samples; the first, ${scan.first.value}, at frame ${scan.first.frame} ${scan.first.channel} (${(scan.first.frame / offline.render.sampleRate).toFixed(4)} s): a DSP must keep its output finite and flush denormals`,
            );
          }
          const checked = await phases.time('comparison', () =>
            checkOfflineGolden(
              harnessConfig.goldensDir,
              {
                channels: offline.render.channels,
                sidecar: {
                  schemaVersion: OFFLINE_GOLDEN_VERSION,
                  scenario: scenario.name,
                  path: dspPath,
                  sampleRate: offline.render.sampleRate,
                  frames: offline.render.channels[0].length,
                  eventFrames: offline.eventFrames,
                  fixtureSha256: offline.fixtureSha256,
                  dspBuildSha256: dspBuild,
                  chromium: offlinePage.context().browser()?.version() ?? 'unknown',
                },
              },
              scenario.tolerances.offlineSnrDb,
              mode,
              testInfo,
              offline.eventFrames.map((frame, i) => ({ frame, set: scenario.steps[i]!.set })),
            ),
          );
          problems.push(...checked.problems);
          changes.push(...checked.changes);
          written.push(...checked.written);
          unchanged += checked.unchanged;
          if (checked.comparison)
            testInfo.annotations.push({ type: 'offline-snr-db', description: String(checked.comparison.snrDb) });

          // Parity: the mock and the WASM DSP agree to float precision on what both implement.
          if (dspPath === 'wasm' && isParityScenario(scenario)) {
            const mock = await phases.time('offline render', () =>
              renderScenarioOffline(offlinePage, { ...common, dsp: 'mock' }),
            );
            const parity = await phases.time('comparison', async () =>
              compareAudio(mock.render.channels, offline.render.channels, offline.render.sampleRate),
            );
            testInfo.annotations.push({ type: 'parity-snr-db', description: String(parity.snrDb) });
            if (parity.snrDb < PARITY_SNR_DB)
              problems.push(
                `${scenario.name}: mock vs wasm offline renders differ: ${describeComparison(parity)} (need ≥ ${PARITY_SNR_DB} dB)`,
              );
          }

          if (written.length > 0 || (mode !== 'none' && changes.length > 0)) {
            await testInfo.attach('golden-changes', {
              body: JSON.stringify({ scenario: scenario.name, path: dspPath, written, changes, unchanged }),
              contentType: 'application/json',
            });
          }
          if (problems.length > 0)
            throw new Error(
              `scenario ${scenario.name} [${dspPath}]: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`,
            );
        },
      );
    });
  }
}
