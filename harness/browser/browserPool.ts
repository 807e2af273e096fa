/**
 * The Chromium processes of one Playwright worker, launched on first use and kept for the worker's
 * later tests (a launch, a new context and a fresh renderer cost ~0.8 s of a test on 2 cores):
 * - one without capture (offline renders, plain pages; NO_CAPTURE);
 * - one for live pages that play a file or the tone (LIVE_WITHOUT_CAPTURE);
 * - one whose fake microphone plays the test's capture file, whatever the file. Chromium opens the
 *   file named by `--use-file-for-fake-audio-capture` again for every new getUserMedia stream, so
 *   the pool launches it on a path of its own and points that path at each test's file (a symlink
 *   swapped by rename) before the test's page opens its stream. Measured: one browser played a
 *   -6 dBFS mono file, then -20 dBFS, then L -6 / R -12 dBFS stereo, then silence, each exactly
 *   (browserPool.test.ts checks it).
 * Launching the next tests' browsers ahead, while a test plays, was tried and made the suite
 * slower on 2 cores: launches compete with the live audio and cause capture dropouts.
 *
 * Reuse keeps the loop-seam guarantee: each test's capture starts near the top of its file however
 * long the browser has run, since every new stream opens the file again, and so does every new
 * document in a kept page (measured in specs/stack/captureRestart.spec.ts). Between tests the
 * dev-mode page goes to about:blank and waits for the next test (`keepPage`), and `release` closes
 * every other context the test opened, so no stream, document or worklet outlives its test.
 */
import { mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './launchChromium.ts';

/** Key of the browser without fake capture (offline renders, plain pages). */
export const NO_CAPTURE = '';
/**
 * Key of the browser for live pages that play a file or the tone (no microphone): one for them
 * all, whatever their input (they open no microphone).
 */
export const LIVE_WITHOUT_CAPTURE = 'live without capture';
/** Key of the browser whose fake microphone plays the current test's capture file. */
const LIVE_CAPTURE = 'live capture';

/** The pool's key for a capture file (or NO_CAPTURE / LIVE_WITHOUT_CAPTURE, which are their own keys). */
const keyOf = (captureWav: string) =>
  captureWav === NO_CAPTURE || captureWav === LIVE_WITHOUT_CAPTURE ? captureWav : LIVE_CAPTURE;

interface Entry {
  browser: Promise<Browser>;
  /**
   * A page the last test handed back, on about:blank: the next test navigates it (no new context or renderer process).
   */
  idlePage: Page | null;
}

export class BrowserPool {
  private readonly entries = new Map<string, Entry>();
  /** The path the capture browser's fake microphone reads: a symlink to the current test's file. */
  private capturePath: string | null = null;
  /** Launches so far, for the benchmarks and the reuse test. */
  launches = 0;

  constructor(private readonly executablePath: string) {}

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
   * Takes a page back for the next test: it is sent to about:blank first, which ends its document,
   * audio graph and capture stream. Navigating it again costs ~0.2 s where a new context and page
   * cost ~0.6 s (and a renderer process's start-up in CPU).
   */
  async keepPage(captureWav: string, page: Page): Promise<void> {
    const entry = this.entries.get(keyOf(captureWav));
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
    const kept = this.entries.get(keyOf(captureWav))?.idlePage?.context();
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
    if (this.capturePath) rmSync(join(this.capturePath, '..'), { recursive: true, force: true });
    this.capturePath = null;
  }

  /** The entry for `captureWav`, launched if need be; for a capture file, the microphone now plays that file. */
  private async entry(captureWav: string): Promise<Entry> {
    const key = keyOf(captureWav);
    if (key === LIVE_CAPTURE) this.playNext(captureWav);
    const known = this.entries.get(key);
    if (known) {
      const browser = await known.browser.catch(() => null);
      if (browser?.isConnected()) return known;
      this.entries.delete(key);
    }
    const entry = this.launch(key);
    await entry.browser;
    return entry;
  }

  /**
   * Points the capture path at `captureWav`: a new symlink renamed over the old one, so Chromium,
   * opening the path for a new stream, finds the old file or the new one, never neither.
   */
  private playNext(captureWav: string): void {
    this.capturePath ??= join(mkdtempSync(join(tmpdir(), 'wavecraft-capture-')), 'capture.wav');
    const next = `${this.capturePath}.next`;
    rmSync(next, { force: true });
    symlinkSync(resolve(captureWav), next);
    renameSync(next, this.capturePath);
  }

  private launch(key: string): Entry {
    const browser = launchChromium(this.executablePath, key === LIVE_CAPTURE ? { captureWav: this.capturePath! } : {});
    this.launches++;
    const entry: Entry = { browser, idlePage: null };
    this.entries.set(key, entry);
    browser.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return entry;
  }
}
