/**
 * Warms the caches a first run on a fresh machine would otherwise pay for inside its first tests'
 * time: Chromium's first launch (its libraries, font cache and profile), a page's first render and
 * an AudioContext's first start. Run once by the global set-up, before any test; about 1 s when
 * warm, several on a cold machine, and that time is no test's.
 */
import { launchChromium } from '../browser/launchChromium.ts';

export async function warmBrowser(executablePath: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const browser = await launchChromium(executablePath, { timeout: 0 });
  try {
    const page = await browser.newPage();
    await page.setContent('<p style="font:14px sans-serif">warm</p>');
    await page.evaluate(async () => {
      const context = new AudioContext();
      await context.resume();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await context.close();
    });
  } finally {
    await browser.close();
  }
  log(`browser warmed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
