/**
 * Watches a live page's audio clock for one test: every 250 ms it reads the probe's status (any
 * page with the probe has it) and keeps the audio-clock frame against Node's monotonic clock, the
 * render underruns the page reports, and the capture dropouts the measurements found. Reads never
 * overlap: a page that is slow to answer is sampled less often, never piled up on.
 */
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import type { AudioClockSample } from './audioHealth.ts';

const PERIOD_MS = 250;
const FINAL_READ_MS = 2000;

export class AudioClockSampler {
  readonly samples: AudioClockSample[] = [];
  sampleRate: number | null = null;
  captureDropouts = 0;
  /** performance.now() when the test began to measure (its page ready and checked); null before. */
  measuringFromMs: number | null = null;
  private underrunsAtStart: { events: number; seconds: number } | null = null;
  /** The underrun counters when the measurement was last marked (null: not marked, or not read yet then). */
  private underrunsAtMark: { events: number; seconds: number } | null = null;
  private underrunsNow: { events: number; seconds: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reading = false;
  private stopped = false;
  /** Reads made, and their round trips in all (ms): what the watch costs. */
  reads = 0;
  readMs = 0;

  constructor(private readonly page: Page) {}

  start(): this {
    this.timer = setInterval(() => void this.read(), PERIOD_MS);
    this.timer.unref();
    void this.read();
    return this;
  }

  /**
   * Takes one last reading, if the page answers within FINAL_READ_MS, and stops. A read still
   * pending then (a hung page) is dropped: a hung page must not be recorded as one that answered.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.page.isClosed() && !this.reading)
      await Promise.race([this.read(), new Promise((resolve) => setTimeout(resolve, FINAL_READ_MS).unref())]);
    this.stopped = true;
  }

  /** From here on the test measures: a measurement's failure is judged on the audio from here. */
  markMeasuring(): void {
    this.measuringFromMs = performance.now();
    this.underrunsAtMark = this.underrunsNow;
  }

  /** The samples a measurement was taken on (all of them when the mark was never set). */
  get measuringSamples(): AudioClockSample[] {
    const from = this.measuringFromMs;
    return from === null
      ? this.samples
      : this.samples.filter((s, i) => s.wallMs >= from || (this.samples[i + 1]?.wallMs ?? -Infinity) >= from);
  }

  noteCaptureDropouts(count: number): void {
    this.captureDropouts += count;
  }

  get underruns(): { events: number; seconds: number } {
    const a = this.underrunsAtStart;
    const b = this.underrunsNow;
    return a && b ? { events: b.events - a.events, seconds: b.seconds - a.seconds } : { events: 0, seconds: 0 };
  }

  /** Render underruns since the measurement was marked (all of them when it never was). */
  get measuringUnderruns(): { events: number; seconds: number } {
    const a = this.measuringFromMs === null ? this.underrunsAtStart : (this.underrunsAtMark ?? this.underrunsAtStart);
    const b = this.underrunsNow;
    return a && b ? { events: b.events - a.events, seconds: b.seconds - a.seconds } : { events: 0, seconds: 0 };
  }

  private async read(): Promise<void> {
    if (this.reading || this.page.isClosed()) return;
    this.reading = true;
    try {
      const before = performance.now();
      const s = await this.page.evaluate(() => {
        const st = window.wavecraftProbe?.status();
        return st
          ? {
              frame: st.latestFrame,
              sampleRate: st.sampleRate,
              underrunEvents: st.underrunEvents,
              underrunSeconds: st.underrunSeconds,
            }
          : null;
      });
      const after = performance.now();
      this.reads++;
      this.readMs += after - before;
      if (!s || s.frame < 0 || this.stopped) return;
      this.sampleRate = s.sampleRate;
      this.samples.push({ wallMs: (before + after) / 2, frame: s.frame });
      if (s.underrunEvents !== undefined && s.underrunSeconds !== undefined) {
        const now = { events: s.underrunEvents, seconds: s.underrunSeconds };
        this.underrunsAtStart ??= now;
        this.underrunsNow = now;
      }
    } catch {
      // A page navigating or closing mid-read: the next reading tells.
    } finally {
      this.reading = false;
    }
  }
}
