/**
 * The audio half of a plugin developer's dev loop (`devmode --ui`): the dev-mode page run in a
 * headless Chromium here, as the dev server's audio client, so the developer's own UI gets live
 * meters, oscilloscope and audio status without a second browser tab.
 */
import type { Browser } from '@playwright/test';
import { launchChromium } from '../browser/launchChromium.ts';
import { ensureChromium } from '../setup/ensureChromium.ts';

export interface HeadlessAudioClient {
  /** What plays into the DSP, in words. */
  source: string;
  close(): Promise<void>;
}

/**
 * Opens `pageUrl` (the dev-mode page, already pointed at the dev server and the DSP) headless,
 * playing the test tone, or `captureWav` through fake capture. Resolves once its AudioContext runs.
 */
export async function startHeadlessAudioClient(
  pageUrl: string,
  captureWav: string | null,
  log: (line: string) => void,
): Promise<HeadlessAudioClient> {
  const executablePath = await ensureChromium(log);
  const browser: Browser = await launchChromium(executablePath, captureWav ? { captureWav } : {});
  try {
    const page = await browser.newPage();
    const url = `${pageUrl}&source=${captureWav ? 'mic' : 'tone'}`;
    await page.goto(url);
    // The probe reports the running AudioContext's rate once audio runs.
    await page.waitForFunction(
      () =>
        (window as unknown as { wavecraftProbe?: { status(): { sampleRate: number | null } } }).wavecraftProbe?.status()
          .sampleRate,
      undefined,
      { timeout: 60_000 },
    );
    return {
      source: captureWav ? `fake capture of ${captureWav}` : "the page's test tone (1 kHz, -6 dBFS)",
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw new Error(`devmode --ui: the headless audio page did not start: ${(error as Error).message}`);
  }
}
