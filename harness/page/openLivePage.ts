/**
 * A dev-mode page made ready to measure: the page opened on the dev server with its DSP path, its
 * source playing (fake capture, a file, the tone), audio running with the server's parameters, and
 * the source checked for silence. The test fixture opens one per test; `record` opens more in the
 * same browser to play the takes of a scenario at once, each a fresh stream (a capture restarts its
 * file for every stream, and each page's DSP, block grid and generators start on their own).
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { Page } from '@playwright/test';
import type { ProbeStatus } from '../../contracts/probe/probeApi.ts';
import type { PlayedSourceKind } from '../../contracts/probe/sourceKinds.ts';
import type { PhaseTimer } from '../health/phaseTimer.ts';
import { assertSourceNotSilent } from './assertSourceNotSilent.ts';
import { DevModePage } from './devModePage.ts';

export interface LivePageOptions {
  /** The page's URL without the harness's query parameters, and its dev server. */
  pageUrl: string;
  devServerUrl: string;
  dspPath: DspPath;
  fault?: string | null | undefined;
  pageSampleRate?: number | null;
  source: PlayedSourceKind;
  /** The input fixture (for `file`, played through the page's file input). */
  inputPath: string;
  /** Its loudest sample, dBFS (a silent fixture may stay silent). */
  inputPeakDb: number;
  tone: { frequencyHz: number; levelDb: number };
  /** Told of capture dropouts the page counts while a wait runs. */
  onCaptureDropouts?: (count: number) => void;
}

/** Opens `page` as a live dev-mode page and waits until it plays and meters its source (its phases timed). */
export async function openLivePage(
  phases: PhaseTimer,
  page: Page,
  options: LivePageOptions,
): Promise<{ devModePage: DevModePage; status: ProbeStatus }> {
  const devModePage = new DevModePage(page, undefined, options.onCaptureDropouts);
  const status = await phases.time('page to probe-ready', () => ready(devModePage, options));
  await phases.time('source start', () =>
    assertSourceNotSilent(devModePage, {
      source: options.source,
      peakDb: options.source === 'tone' ? options.tone.levelDb : options.inputPeakDb,
      what:
        options.source === 'tone'
          ? `the tone is at ${options.tone.levelDb} dBFS`
          : `${options.inputPath} peaks at ${options.inputPeakDb.toFixed(1)} dBFS`,
    }),
  );
  return { devModePage, status };
}

/** Navigates to the page, starts its source and waits until audio runs through the DSP path asked for. */
async function ready(devModePage: DevModePage, options: LivePageOptions): Promise<ProbeStatus> {
  await devModePage.open(
    DevModePage.url(options.pageUrl, {
      devServerUrl: options.devServerUrl,
      dsp: options.dspPath,
      fault: options.fault,
      ...(options.pageSampleRate ? { sampleRate: options.pageSampleRate } : {}),
    }),
  );
  if (options.source === 'mic') await devModePage.selectSource('mic');
  else if (options.source === 'file') await devModePage.playFile(options.inputPath);
  else await devModePage.playTone(options.tone);
  const status = await devModePage.waitUntilReady();
  if (status.dspPath !== options.dspPath)
    throw new Error(`the page runs the "${status.dspPath}" DSP path, but this project asked for "${options.dspPath}"`);
  return status;
}
