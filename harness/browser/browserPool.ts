/**
 * The Chromium processes of one Playwright worker, one per fake-capture file (and one shared by the
 * live pages that play a file or the tone, LIVE_WITHOUT_CAPTURE), launched on first use and kept
 * for the worker's later tests with that file (a launch and a close cost ~0.3 s).
 * Launching the next tests' browsers ahead, while a test plays, was tried and made the suite
 * slower on 2 cores: launches compete with the live audio and cause capture dropouts.
 *
 * Reuse keeps the loop-seam guarantee: Chromium opens the capture file again for every new
 * getUserMedia stream, so each test's capture starts near the top of the file however long the
 * browser has run, and for every new document in a kept page (measured in
 * specs/stack/captureRestart.spec.ts). Between tests the dev-mode page goes to about:blank and
 * waits for the next test (`keepPage`), and `release` closes every other context the test opened,
 * so no stream, document or worklet outlives its test.
 */
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './launchChromium.ts';

/** Key of the browser without fake capture (offline renders, plain pages). */
export const NO_CAPTURE = '';
/**
 * Key of the browser for live pages that play a file or the tone (no microphone): one for them
 * all, whatever their input, where a capture browser serves only the tests of its file.
 */
export const LIVE_WITHOUT_CAPTURE = 'live without capture';

interface Entry {
  browser: Promise<Browser>;
  /**
   * A page the last test handed back, on about:blank: the next test navigates it (no new context or renderer process).
   */
  idlePage: Page | null;
}

export class BrowserPool {
  private readonly entries = new Map<string, Entry>();
  /** Launches so far, for the benchmarks and the reuse test. */
  launches = 0;

  constructor(
    private readonly executablePath: string,
    /**
     * Capture browsers kept at once; the least recently used one is closed beyond this. Two: a
     * kept browser is ~6 processes, and on 2 cores a pool of 4 per worker (117 Chromium processes
     * in all) was itself a noisy neighbour to the live audio.
     */
    private readonly limit = 2,
  ) {}

  /** The browser whose fake microphone plays `captureWav` (NO_CAPTURE for none). */
  async get(captureWav: string): Promise<Browser> {
    return (await this.entry(captureWav)).browser;
  }

  /** A page of that browser: the one the previous test handed back, else one in a new context. */
  async takePage(captureWav: string): Promise<Page> {
    const entry = await this.entry(captureWav);
    const idle = entry.idlePage;
    entry.idlePage = null;
    if (idle && !idle.isClosed()) return idle;
    return (await (await entry.browser).newContext()).newPage();
  }

  /**
   * Takes a page back for the next test with this capture file: it is sent to about:blank first,
   * which ends its document, audio graph and capture stream. Navigating it again costs ~0.2 s
   * where a new context and page cost ~0.6 s (and a renderer process's start-up in CPU).
   */
  async keepPage(captureWav: string, page: Page): Promise<void> {
    const entry = this.entries.get(captureWav);
    if (!entry || page.isClosed()) return;
    try {
      await page.goto('about:blank');
    } catch {
      await page
        .context()
        .close()
        .catch(() => undefined);
      return;
    }
    entry.idlePage = page;
  }

  /** Closes every context open in `browser` (what one test opened), but the kept page's. */
  async release(captureWav: string, browser: Browser): Promise<void> {
    const kept = this.entries.get(captureWav)?.idlePage?.context();
    await Promise.all(
      browser
        .contexts()
        .filter((context) => context !== kept)
        .map((context) => context.close()),
    );
  }

  async close(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map(async (e) => (await e.browser.catch(() => null))?.close()));
  }

  private async entry(captureWav: string): Promise<Entry> {
    const known = this.entries.get(captureWav);
    if (known) {
      const browser = await known.browser.catch(() => null);
      if (browser?.isConnected()) {
        // Most recently used last.
        this.entries.delete(captureWav);
        this.entries.set(captureWav, known);
        return known;
      }
      this.entries.delete(captureWav);
    }
    const entry = this.launch(captureWav);
    await this.evict();
    await entry.browser;
    return entry;
  }

  private launch(captureWav: string): Entry {
    const browser = launchChromium(
      this.executablePath,
      captureWav === NO_CAPTURE || captureWav === LIVE_WITHOUT_CAPTURE ? {} : { captureWav },
    );
    this.launches++;
    const entry: Entry = { browser, idlePage: null };
    this.entries.set(captureWav, entry);
    browser.catch(() => this.entries.get(captureWav) === entry && this.entries.delete(captureWav));
    return entry;
  }

  /**
   * Capture browsers beyond the limit go, least recently used first; the one without capture (the worker's offline
   * page) stays.
   */
  private async evict(): Promise<void> {
    const capture = [...this.entries.keys()].filter((key) => key !== NO_CAPTURE);
    for (const oldest of capture.slice(0, Math.max(0, capture.length - this.limit))) {
      const entry = this.entries.get(oldest)!;
      this.entries.delete(oldest);
      await (await entry.browser.catch(() => null))?.close();
    }
  }
}
