/**
 * Playwright fixtures of the harness. Specs import `test` and `expect` from here.
 *
 * - `stack` (worker): the dev server and page under test; the embedded reference stack on free
 *   ports unless WAVECRAFT_DEV_SERVER_URL / WAVECRAFT_PAGE_URL point elsewhere.
 * - `inputWav` (option): the fixture fed to the fake microphone, e.g. 'sine-1k-m6dbfs-mono.wav'.
 * - `dspPath` (option): 'mock' or 'wasm'; set per Playwright project.
 * - `rpc`: a dev-server client with every parameter reset to its default.
 * - `audioBrowser`: the worker's Chromium whose fake microphone plays `inputWav` (kept for the
 *   worker's next test with that file; every context a test opens is closed after it).
 * - `devModePage`: a fresh context of it with the page open, the microphone selected, audio
 *   running and the capture checked for silence.
 * - `offlinePage`: the worker's offline-render page (renderer loaded once per worker).
 * - `audioHealth` (automatic): watches the machine, and the audio clock of every live page a
 *   test opens; it annotates each test with what it measured, and turns a failure on starved
 *   audio into an inconclusive verdict naming the cause (harness/verdict/verdict.ts).
 */
import { test as base, type Browser, type ConsoleMessage, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { linearToDb } from '../contracts/meters/decibels.ts';
import { startReferenceStack } from '../devmode/index.ts';
import { BrowserPool, NO_CAPTURE } from './browser/browserPool.ts';
import { requireChromium } from './browser/findChromium.ts';
import { readHarnessConfig, type HarnessConfig } from './config/harnessConfig.ts';
import { resolveInputWav } from './config/inputFixtures.ts';
import { assertMeterMatchesSamples } from './page/assertMeterMatchesSamples.ts';
import type { DevModePage } from './page/devModePage.ts';
import { openLivePage } from './page/openLivePage.ts';
import { DevServerClient } from './rpc/devServerClient.ts';
import { AudioClockSampler } from './health/audioClockSampler.ts';
import type { FailureKind } from './health/audioHealth.ts';
import { describeHealth, starvationCause, summariseHealth } from './health/audioHealth.ts';
import { MachineSampler } from './health/machineSampler.ts';
import { PhaseTimer, PHASES_ANNOTATION } from './health/phaseTimer.ts';
import { failureKind, markInconclusive } from './verdict/markInconclusive.ts';
import { extendedTimeout } from './budget/testTimeout.ts';
import { AUDIO_HEALTH } from './verdict/verdict.ts';
import { assertCaptureCompatible, readWav } from './wav/wavFile.ts';

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

interface WorkerFixtures {
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
  dspPath: 'mock' | 'wasm';
  /** Which of the page's sources plays. Default 'mic' (fake capture). */
  audioSource: 'mic' | 'file' | 'tone';
  /** The test tone, when audioSource is 'tone'. Default 1 kHz at -6 dBFS. */
  tone: { frequencyHz: number; levelDb: number };
  /** The page's AudioContext rate; null = the page's default (48 kHz). Fake capture itself runs at 44.1 kHz. */
  pageSampleRate: number | null;
}

interface TestFixtures extends HarnessOptions {
  audioHealth: AudioHealthWatch;
  /** Where the test's time goes (the `phases` annotation; bench/testPhases.ts). */
  phases: PhaseTimer;
  input: InputFixture;
  audioBrowser: Browser;
  offlinePage: Page;
  rpc: DevServerClient;
  devModePage: DevModePage;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  inputWav: ['sine-1k-m6dbfs-mono.wav', { option: true }],
  dspPath: ['mock', { option: true }],
  audioSource: ['mic', { option: true }],
  tone: [{ frequencyHz: 1000, levelDb: -6 }, { option: true }],
  pageSampleRate: [null, { option: true }],

  harnessConfig: [async ({}, use) => use(readHarnessConfig()), { scope: 'worker' }],

  phases: async ({}, use, testInfo) => {
    const phases = new PhaseTimer();
    await use(phases);
    if (phases.totals.size > 0) testInfo.annotations.push({ type: PHASES_ANNOTATION, description: phases.toJson() });
  },

  machineSampler: [
    async ({}, use) => {
      const sampler = new MachineSampler().start();
      await use(sampler);
      sampler.stop();
    },
    { scope: 'worker' },
  ],

  audioHealth: [
    async ({ machineSampler, phases }, use, testInfo) => {
      const startedAt = performance.now();
      const clocks: AudioClockSampler[] = [];
      // While the audio moves, the test gets the time it takes (the limit is a backstop, not a verdict).
      const extender = setInterval(() => {
        const now = performance.now();
        const moved = clocks.some((c) => {
          const recent = c.samples.filter((s) => s.wallMs >= now - 5000);
          return recent.length >= 2 && recent.at(-1)!.frame > recent[0]!.frame;
        });
        const next = extendedTimeout(testInfo.timeout, now - startedAt, moved);
        if (next !== testInfo.timeout) testInfo.setTimeout(next);
      }, 1000);
      extender.unref();
      // The live page that played longest (over the span judged) speaks for the test.
      const samplesOf = (c: AudioClockSampler, span: 'test' | 'measurement') =>
        span === 'measurement' ? c.measuringSamples : c.samples;
      const primary = (span: 'test' | 'measurement') =>
        [...clocks].sort((a, b) => samplesOf(b, span).length - samplesOf(a, span).length)[0];
      const healthOf = (span: 'test' | 'measurement') => {
        const clock = primary(span);
        const underruns = clocks.reduce(
          (sum, c) => {
            const u = span === 'measurement' ? c.measuringUnderruns : c.underruns;
            return { events: sum.events + u.events, seconds: sum.seconds + u.seconds };
          },
          { events: 0, seconds: 0 },
        );
        return summariseHealth({
          clock: (clock ? samplesOf(clock, span) : null) ?? [],
          sampleRate: clock?.sampleRate ?? null,
          machine: machineSampler.since(startedAt),
          cores: machineSampler.cores,
          captureDropouts: clocks.reduce((n, c) => n + c.captureDropouts, 0),
          underrunEvents: underruns.events,
          underrunSeconds: underruns.seconds,
        });
      };
      await use({
        watch(page) {
          const sampler = new AudioClockSampler(page).start();
          clocks.push(sampler);
          return sampler;
        },
        starvation: (kind, span = 'test') => starvationCause(healthOf(span), kind),
        markMeasuring: () => clocks.forEach((c) => c.markMeasuring()),
      });
      clearInterval(extender);
      await Promise.all(clocks.map((c) => c.stop()));
      const polled = clocks.reduce((ms, c) => ms + c.readMs, 0);
      if (clocks.length) phases.add('health polling', polled, 0);
      // The live page that played longest speaks for the test.
      testInfo.annotations.push({ type: AUDIO_HEALTH, description: describeHealth(healthOf('test')) });
      if (testInfo.status === 'failed' || testInfo.status === 'timedOut') {
        const kind = failureKind(testInfo);
        // A mismatch is judged on the audio it was measured on; running out of time, on the whole test.
        const cause = starvationCause(healthOf(kind === 'measurement' ? 'measurement' : 'test'), kind);
        if (cause) await markInconclusive(testInfo, cause);
      }
    },
    { auto: true },
  ],

  stack: [
    async ({ harnessConfig }, use) => {
      // The embedded stack always starts: its page server also serves the offline renderer and
      // test files. A user's dev server and page, when configured, replace it for live tests.
      const stack = await startReferenceStack({
        devServerPort: 0,
        pagePort: 0,
        ...(harnessConfig.wasmPath ? { wasmPath: harnessConfig.wasmPath } : {}),
        extraOrigins: harnessConfig.allowedOrigins,
      });
      try {
        await use({
          devServerUrl: harnessConfig.devServerUrl ?? stack.devServerUrl,
          pageUrl: harnessConfig.pageUrl ?? `${stack.pageOrigin}/index.html`,
          embedded: !harnessConfig.devServerUrl && !harnessConfig.pageUrl,
          pageOrigin: stack.pageOrigin,
          wasmPath: stack.wasmPath,
          mount: stack.mount,
        });
      } finally {
        await stack.close();
      }
    },
    { scope: 'worker' },
  ],

  chromiumPath: [async ({}, use) => use(requireChromium().path), { scope: 'worker' }],

  input: async ({ inputWav, harnessConfig }, use) => {
    const path = resolveInputWav(inputWav, harnessConfig.fixturesDirs);
    // Chromium turns an unusable file into silence without a word: refuse it here instead.
    await assertCaptureCompatible(path);
    const audio = await readWav(path);
    let peak = 0;
    for (const channel of audio.channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
    await use({ path, peakDb: linearToDb(peak) });
  },

  browserPool: [
    async ({ chromiumPath }, use) => {
      const pool = new BrowserPool(chromiumPath);
      try {
        await use(pool);
      } finally {
        await pool.close();
      }
    },
    { scope: 'worker' },
  ],

  offlineRenderPage: [
    async ({ browserPool }, use) => {
      // One page for the worker, kept so its renderer stays loaded; a closed one is replaced.
      let page: Page | null = null;
      await use(async () => {
        if (!page || page.isClosed()) page = await browserPool.takePage(NO_CAPTURE);
        return page;
      });
    },
    { scope: 'worker' },
  ],

  offlinePage: async ({ offlineRenderPage }, use) => {
    await use(await offlineRenderPage());
  },

  audioBrowser: async ({ browserPool, input, phases }, use) => {
    // One capture file per browser process; the worker keeps it for the next test with that file.
    const browser = await phases.time('browser', () => browserPool.get(input.path));
    try {
      await use(browser);
    } finally {
      await phases.time('teardown', () => browserPool.release(input.path, browser));
    }
  },

  rpc: async ({ stack }, use) => {
    const client = await DevServerClient.connect(stack.devServerUrl);
    await client.resetParameters();
    try {
      await use(client);
    } finally {
      client.close();
    }
    if (client.protocolErrors.length > 0) {
      throw new Error(`the dev server sent invalid messages:\n  ${client.protocolErrors.join('\n  ')}`);
    }
  },

  devModePage: async (
    {
      audioBrowser,
      browserPool,
      stack,
      dspPath,
      rpc,
      input,
      audioSource,
      tone,
      harnessConfig,
      pageSampleRate,
      audioHealth,
      phases,
    },
    use,
    testInfo,
  ) => {
    void rpc; // parameters are reset before the page loads them
    void audioBrowser; // its contexts, this page's among them, are closed after the test
    const page = await browserPool.takePage(input.path);
    const clock = audioHealth.watch(page);
    const pageErrors: string[] = [];
    const onPageError = (error: Error) => pageErrors.push(error.message);
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === 'error')
        testInfo.annotations.push({ type: 'page console error', description: message.text() });
    };
    page.on('pageerror', onPageError);
    page.on('console', onConsole);
    const { devModePage } = await openLivePage(phases, page, {
      pageUrl: stack.pageUrl,
      devServerUrl: stack.devServerUrl,
      dspPath,
      fault: harnessConfig.fault,
      pageSampleRate,
      source: audioSource,
      inputPath: input.path,
      inputPeakDb: input.peakDb,
      tone,
      onCaptureDropouts: (count) => clock.noteCaptureDropouts(count),
    });
    // Before anything relies on the meter: it must agree with the samples it measured.
    await phases.time('meter self-check', () => assertMeterMatchesSamples(devModePage));
    clock.markMeasuring();

    try {
      await use(devModePage);
    } finally {
      await phases.time('teardown', async () => {
        await clock.stop();
        page.off('pageerror', onPageError);
        page.off('console', onConsole);
        // A passing test hands its page on to the next one (fresh document, same renderer); a failed one's goes.
        if (testInfo.status === testInfo.expectedStatus && pageErrors.length === 0)
          await browserPool.keepPage(input.path, page);
        else await page.context().close();
      });
    }
    if (pageErrors.length > 0) throw new Error(`the dev-mode page threw:\n  ${pageErrors.join('\n  ')}`);
  },
});

/** Playwright's expect with the harness's level matchers (toBeWithinDb). */
export { expect } from './expect/levelMatchers.ts';
