/**
 * The render callback period of headless Chromium's audio output: how often, and in how many
 * frames at a time, the audio thread renders. A parameter change can take effect no sooner than
 * the next callback, so this period is the floor under the parameter latency: measured by
 * watching AudioContext.currentTime from the main thread, which moves once per callback.
 */
import type { Page } from '@playwright/test';
import { percentile } from './stats.ts';

export interface CallbackPeriod {
  /** Median ms between callbacks. */
  periodMs: number;
  /** Median frames rendered per callback. */
  framesPerCallback: number;
  sampleRate: number;
  callbacks: number;
}

export async function measureRenderCallbackPeriod(
  page: Page,
  sampleRate = 48000,
  latencyHint: AudioContextLatencyCategory | number = 'interactive',
  seconds = 1,
): Promise<CallbackPeriod> {
  const steps = await page.evaluate(
    async ({ seconds, sampleRate, latencyHint }) => {
      const context = new AudioContext({ sampleRate, latencyHint });
      const oscillator = new OscillatorNode(context);
      oscillator.connect(context.destination);
      oscillator.start();
      await context.resume();
      // Let it settle, then watch currentTime move.
      await new Promise((r) => setTimeout(r, 300));
      const changes: { at: number; time: number }[] = [];
      let last = context.currentTime;
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        const now = context.currentTime;
        if (now !== last) {
          changes.push({ at: performance.now(), time: now });
          last = now;
        }
        // Yield so the audio thread's updates reach the main thread.
        await new Promise((r) => setTimeout(r, 0));
      }
      const rate = context.sampleRate;
      await context.close();
      return { rate, changes };
    },
    { seconds, sampleRate, latencyHint },
  );
  const periods: number[] = [];
  const frames: number[] = [];
  for (let i = 1; i < steps.changes.length; i++) {
    periods.push(steps.changes[i]!.at - steps.changes[i - 1]!.at);
    frames.push(Math.round((steps.changes[i]!.time - steps.changes[i - 1]!.time) * steps.rate));
  }
  return {
    periodMs: percentile(periods, 50),
    framesPerCallback: percentile(frames, 50),
    sampleRate: steps.rate,
    callbacks: periods.length,
  };
}
