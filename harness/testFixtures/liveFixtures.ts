/**
 * The fixtures that make a live test's page: `input` (the fixture file, checked), `audioBrowser`
 * (the worker's Chromium whose fake microphone plays it, kept for the worker's next tests, each
 * test's file swapped in), `rpc` (a dev-server client with every parameter reset to its default), `devModePage` (a
 * page of that browser opened on the dev server, its source playing, audio running and the meter
 * checked against its own samples) and `offlinePage` (the worker's offline-render page).
 */
import type { ConsoleMessage, Fixtures } from '@playwright/test';
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { LIVE_WITHOUT_CAPTURE } from '../browser/browserPool.ts';
import { resolveInputWav } from '../config/inputFixtures.ts';
import { assertMeterMatchesSamples } from '../page/assertMeterMatchesSamples.ts';
import { openLivePage } from '../page/openLivePage.ts';
import { DevServerClient } from '../rpc/devServerClient.ts';
import { assertCaptureCompatible, readWav } from '../wav/wavFile.ts';
import type { TestFixtures, WorkerFixtures } from './fixtureTypes.ts';

export const liveFixtures: Fixtures<TestFixtures, WorkerFixtures> = {
  input: async ({ inputWav, harnessConfig, audioSource }, use) => {
    const path = resolveInputWav(inputWav, harnessConfig.fixturesDirs);
    // Chromium turns an unusable file into silence without a word: refuse it here instead.
    await assertCaptureCompatible(path);
    const audio = await readWav(path);
    let peak = 0;
    for (const channel of audio.channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
    await use({ path, capture: audioSource === 'mic' ? path : LIVE_WITHOUT_CAPTURE, peakDb: linearToDb(peak) });
  },

  offlinePage: async ({ offlineRenderPage }, use) => {
    await use(await offlineRenderPage());
  },

  audioBrowser: async ({ browserPool, input, phases }, use) => {
    // The worker's browser of this kind, kept for its next tests; a capture browser now plays this test's file.
    const browser = await phases.time('browser', () => browserPool.get(input.capture));
    try {
      await use(browser);
    } finally {
      await phases.time('teardown', () => browserPool.release(input.capture, browser));
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
    const page = await browserPool.takePage(input.capture);
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
          await browserPool.keepPage(input.capture, page);
        else await page.context().close();
      });
    }
    if (pageErrors.length > 0) throw new Error(`the dev-mode page threw:\n  ${pageErrors.join('\n  ')}`);
  },
};
