/** The types of the harness's Playwright fixtures (harness/test.ts puts them together). */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { Browser, Page } from '@playwright/test';
import type { PlayedSourceKind } from '../../contracts/probe/sourceKinds.ts';
import type { BrowserPool } from '../browser/browserPool.ts';
import type { HarnessConfig } from '../config/harnessConfig.ts';
import type { AudioClockSampler } from '../health/audioClockSampler.ts';
import type { FailureKind } from '../health/audioHealth.ts';
import type { MachineSampler } from '../health/machineSampler.ts';
import type { PhaseTimer } from '../health/phaseTimer.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';

export interface StackEndpoints {
  devServerUrl: string;
  /** Page URL without the harness's query parameters. */
  pageUrl: string;
  /** True when the live tests run against the embedded stack (no user URLs configured). */
  embedded: boolean;
  /** Origin of the embedded page server (offline renderer, test files). */
  pageOrigin: string;
  /** The WASM DSP build the embedded stack serves at /dsp.wasm. */
  wasmPath: string;
  /** Serves `file` from the embedded page server at `urlPath`; returns its URL. */
  mount: (urlPath: string, file: string) => string;
}

export interface InputFixture {
  path: string;
  /** The browser pool's key of the test's live browser: the file when the microphone plays it. */
  capture: string;
  /** Loudest sample over all channels, dBFS. */
  peakDb: number;
}

/** The test's audio health: live pages register here to have their audio clock watched. */
export interface AudioHealthWatch {
  watch(page: Page): AudioClockSampler;
  /**
   * Why the audio so far was too starved to judge a failure of this kind, or null; `span`:
   * the whole test (default) or only what was measured (from the page ready and checked on).
   */
  starvation(kind: FailureKind, span?: 'test' | 'measurement'): string | null;
  /** The measurement starts again from now on every page watched (after more pages were opened, say). */
  markMeasuring(): void;
}

export interface WorkerFixtures {
  machineSampler: MachineSampler;
  harnessConfig: HarnessConfig;
  stack: StackEndpoints;
  chromiumPath: string;
  browserPool: BrowserPool;
  /** The worker's page in a browser without capture: offline renders reuse its loaded renderer. */
  offlineRenderPage: () => Promise<Page>;
}

/** Options a spec (`test.use`) or a project (`use`) can set. */
export interface HarnessOptions {
  /** The input fixture: fed to the fake microphone (`mic`) or the page's file input (`file`). */
  inputWav: string;
  dspPath: DspPath;
  /** Which of the page's sources plays. Default 'mic' (fake capture). */
  audioSource: PlayedSourceKind;
  /** The test tone, when audioSource is 'tone'. Default 1 kHz at -6 dBFS. */
  tone: { frequencyHz: number; levelDb: number };
  /** The page's AudioContext rate; null = the page's default (48 kHz). Fake capture itself runs at 44.1 kHz. */
  pageSampleRate: number | null;
}

export interface TestFixtures extends HarnessOptions {
  audioHealth: AudioHealthWatch;
  /** Where the test's time goes (the `phases` annotation; bench/testPhases.ts). */
  phases: PhaseTimer;
  input: InputFixture;
  audioBrowser: Browser;
  offlinePage: Page;
  rpc: DevServerClient;
  devModePage: DevModePage;
}
