/**
 * A scenario test's offline part: the scenario rendered offline (exact frames, deterministic
 * output) in the worker's offline browser, checked for NaN, Inf and subnormal samples and against
 * goldens/<path>/<scenario>.wav; on the WASM path, where both paths implement every parameter
 * used, also rendered on the mock and compared with it (parity). The renders start while the live
 * part plays (they are not on the audio's path) and are awaited after it.
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { Page, TestInfo } from '@playwright/test';
import { compareAudio, describeComparison } from '../analysis/compareAudio.ts';
import { OFFLINE_GOLDEN_VERSION } from '../goldens/offlineGolden.ts';
import type { UpdateMode } from '../goldens/recordMode.ts';
import { checkOfflineGolden } from '../goldens/offlineGoldenCheck.ts';
import type { PhaseTimer } from '../health/phaseTimer.ts';
import { renderScenarioOffline, type OfflineScenarioRender } from '../scenarios/offlineScenario.ts';
import { isParityScenario } from '../scenarios/parity.ts';
import { scanSamples } from '../validate/render.ts';
import type { ScenarioOutcome } from './scenarioOutcome.ts';

const PARITY_SNR_DB = 120;

type OfflineCommon = Omit<Parameters<typeof renderScenarioOffline>[1], 'dsp'>;

export interface OfflineRenders {
  offline: OfflineScenarioRender;
  /** The mock's render, where parity is checked. */
  mock: OfflineScenarioRender | null;
}

/** Starts the renders: the scenario on `dspPath`, and on the mock too where parity is checked. */
export function startOfflineRenders(page: Page, common: OfflineCommon, dspPath: DspPath): Promise<OfflineRenders> {
  const renders = (async () => {
    const offline = await renderScenarioOffline(page, { ...common, dsp: dspPath });
    const mock =
      dspPath === 'wasm' && isParityScenario(common.scenario)
        ? await renderScenarioOffline(page, { ...common, dsp: 'mock' })
        : null;
    return { offline, mock };
  })();
  renders.catch(() => undefined); // awaited by checkOfflinePart; a live failure first must not leave it unhandled
  return renders;
}

export async function checkOfflinePart(
  renders: Promise<OfflineRenders>,
  context: {
    scenario: OfflineCommon['scenario'];
    dspPath: DspPath;
    dspBuildSha256: string;
    goldensDir: string;
    chromium: string;
    phases: PhaseTimer;
  },
  mode: UpdateMode,
  outcome: ScenarioOutcome,
  testInfo: TestInfo,
): Promise<void> {
  const { scenario, dspPath, phases } = context;
  // The renders' time on the test's path: what is left of them once the live part is done.
  const { offline, mock } = await phases.time('offline render', () => renders);
  // No golden needed to know these are wrong: NaN, ±Inf or subnormal output samples.
  const scan = scanSamples(offline.render.channels);
  if (scan.first) {
    outcome.problems.push(
      `${scenario.name} [${dspPath}] offline render: ${scan.nan} NaN, ${scan.inf} Inf and ${scan.subnormal} subnormal output samples; the first, ${scan.first.value}, at frame ${scan.first.frame} ${scan.first.channel} (${(scan.first.frame / offline.render.sampleRate).toFixed(4)} s): a DSP must keep its output finite and flush denormals`,
    );
  }
  const checked = await phases.time('comparison', () =>
    checkOfflineGolden(
      context.goldensDir,
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
          dspBuildSha256: context.dspBuildSha256,
          chromium: context.chromium,
        },
      },
      scenario.tolerances.offlineSnrDb,
      mode,
      testInfo,
      offline.eventFrames.map((frame, i) => ({ frame, set: scenario.steps[i]!.set })),
    ),
  );
  outcome.add(checked);
  if (checked.comparison)
    testInfo.annotations.push({ type: 'offline-snr-db', description: String(checked.comparison.snrDb) });

  // Parity: the mock and the WASM DSP agree to float precision on what both implement.
  if (mock) {
    const parity = await phases.time('comparison', async () =>
      compareAudio(mock.render.channels, offline.render.channels, offline.render.sampleRate),
    );
    testInfo.annotations.push({ type: 'parity-snr-db', description: String(parity.snrDb) });
    if (parity.snrDb < PARITY_SNR_DB)
      outcome.problems.push(
        `${scenario.name}: mock vs wasm offline renders differ: ${describeComparison(parity)} (need ≥ ${PARITY_SNR_DB} dB)`,
      );
  }
}
