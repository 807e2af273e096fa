/**
 * The stall policy of every wait on a dev-mode page: a wait goes on in chunks of WAIT_CHUNK_MS
 * while the page's audio clock moves, however slowly the machine lets it, and ends with an error
 * that names what it waited for
 * - when `audioSeconds` of *audio* played without it (a real failure);
 * - when the audio clock stood still, or the page did not answer, for `stallMs` of wall time
 *   (the page hung; asking the browser itself tells a hung page from a stalled machine).
 */
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import type { ProbeStatus } from '../../contracts/probe/probeApi.ts';

/** One waitForFunction call's span; between chunks the wait checks the audio clock. */
const WAIT_CHUNK_MS = 1000;

export interface AudioClockWaitOptions {
  /** Wall time without audio-clock progress, or without an answer from the page, that means a hang. */
  stallMs: number;
  /** What the wait is for, as its errors say it. */
  what: string;
  /** Audio that may play before the wait fails; none: no limit in audio. */
  audioSeconds?: number | undefined;
}

interface Clock {
  frame: number;
  sampleRate: number | null;
  status: ProbeStatus;
}

/** Runs `wait` (one chunk per call) until it resolves, or the policy above ends it. */
export async function waitOnAudioClock<T>(
  page: Page,
  options: AudioClockWaitOptions,
  wait: (chunk: { timeout: number; polling: number }) => Promise<T>,
  status: () => Promise<ProbeStatus>,
): Promise<T> {
  const { stallMs, what, audioSeconds } = options;
  const start = await clockOf(status, stallMs);
  let lastFrame = start?.frame ?? -1;
  let lastProgressAt = performance.now();
  for (;;) {
    try {
      return await wait({ timeout: WAIT_CHUNK_MS, polling: 10 });
    } catch (error) {
      const message = (error as Error).message;
      if (!message.includes('Timeout')) throw new Error(`while waiting for ${what}: ${message.split('\n')[0]}`);
    }
    const now = await clockOf(status, stallMs);
    if (!now) throw await unansweredError(page, stallMs, what);
    if (now.frame > lastFrame) {
      lastFrame = now.frame;
      lastProgressAt = performance.now();
    }
    const played = start && start.frame >= 0 && now.sampleRate ? (now.frame - start.frame) / now.sampleRate : 0;
    if (audioSeconds !== undefined && played >= audioSeconds) {
      throw new Error(
        `${what} did not happen within ${audioSeconds} s of audio (${played.toFixed(2)} s played); probe status: ${JSON.stringify(now.status)}`,
      );
    }
    const stalledMs = performance.now() - lastProgressAt;
    if (stalledMs >= stallMs) throw stalledError(now, stalledMs, what);
  }
}

/** The page's audio clock, or null when the page does not answer within `stallMs`. */
async function clockOf(status: () => Promise<ProbeStatus>, stallMs: number): Promise<Clock | null> {
  let timer: NodeJS.Timeout | undefined;
  const noAnswer = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), stallMs)));
  try {
    const s = await Promise.race([status(), noAnswer]);
    return s ? { frame: s.latestFrame, sampleRate: s.sampleRate, status: s } : null;
  } finally {
    clearTimeout(timer);
  }
}

/** A starved machine slows everything; a hung page alone is silent while its browser answers. */
async function unansweredError(page: Page, stallMs: number, what: string): Promise<Error> {
  const browserMs = await browserAnswerMs(page, stallMs / 2);
  if (browserMs !== null)
    return new Error(
      `the page hung: it did not answer for ${stallMs / 1000} s while waiting for ${what}, while its browser answered in ${Math.round(browserMs)} ms`,
    );
  return new Error(
    `neither the page nor its browser answered for ${stallMs / 1000} s while waiting for ${what} (the machine or the browser stalled)`,
  );
}

/**
 * The page answered all along: a clock that stands still that long is the page's own hang (a
 * real-time audio thread outranks a busy machine); one that never started may be slow.
 */
function stalledError(now: Clock, stalledMs: number, what: string): Error {
  const status = JSON.stringify(now.status);
  if (now.frame >= 0)
    return new Error(
      `the page hung: its audio clock stood still at frame ${now.frame} for ${(stalledMs / 1000).toFixed(1)} s while waiting for ${what}, though the page answered; probe status: ${status}`,
    );
  return new Error(
    `the page's audio never started in ${(stalledMs / 1000).toFixed(1)} s while waiting for ${what}; probe status: ${status}`,
  );
}

/** How long the page's browser takes to answer a CDP call (ms), or null when it does not within `limitMs`. */
async function browserAnswerMs(page: Page, limitMs: number): Promise<number | null> {
  const browser = page.context().browser();
  if (!browser) return null;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const noAnswer = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limitMs)));
  const ask = (async () => {
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Browser.getVersion');
    await cdp.detach().catch(() => undefined);
    return performance.now() - started;
  })().catch(() => null);
  try {
    return await Promise.race([ask, noAnswer]);
  } finally {
    clearTimeout(timer);
  }
}
