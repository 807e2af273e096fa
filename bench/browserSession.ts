/** The reference stack plus a headless Chromium, for the benchmarks that need a browser. */
import type { Browser } from '@playwright/test';
import { startReferenceStack, type ReferenceStack } from '../devmode/index.ts';
import { requireChromium } from '../harness/browser/findChromium.ts';
import { launchChromium } from '../harness/browser/launchChromium.ts';

export interface BrowserSession {
  stack: ReferenceStack;
  browser: Browser;
  close(): Promise<void>;
}

export async function openBrowserSession(captureWav?: string): Promise<BrowserSession> {
  const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0 });
  const browser = await launchChromium(requireChromium().path, captureWav ? { captureWav } : {});
  return {
    stack,
    browser,
    close: async () => {
      await browser.close();
      await stack.close();
    },
  };
}
