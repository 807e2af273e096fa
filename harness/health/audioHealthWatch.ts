/**
 * One test's audio-health watch: the audio clock of every live page the test opens (an
 * AudioClockSampler each) and the machine since the test began, judged together. The page that
 * played longest over the span judged speaks for the test's clock; underruns and capture dropouts
 * add up over all pages. The test fixture (`audioHealth`) owns one per test.
 */
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { AudioClockSampler } from './audioClockSampler.ts';
import { starvationCause, summariseHealth, type AudioHealth, type FailureKind } from './audioHealth.ts';
import type { MachineSampler } from './machineSampler.ts';

/** The whole test, or only what was measured (from the page ready and checked on). */
export type HealthSpan = 'test' | 'measurement';

export class AudioHealthWatcher {
  readonly startedAt = performance.now();
  private readonly clocks: AudioClockSampler[] = [];

  constructor(private readonly machine: MachineSampler) {}

  /** Starts watching `page`'s audio clock. */
  watch(page: Page): AudioClockSampler {
    const sampler = new AudioClockSampler(page).start();
    this.clocks.push(sampler);
    return sampler;
  }

  /** The measurement starts again from now on every page watched (after more pages were opened, say). */
  markMeasuring(): void {
    this.clocks.forEach((c) => c.markMeasuring());
  }

  /** Whether any watched page's audio clock moved in the last `withinMs` of wall time. */
  audioMoved(withinMs: number): boolean {
    const since = performance.now() - withinMs;
    return this.clocks.some((c) => {
      const recent = c.samples.filter((s) => s.wallMs >= since);
      return recent.length >= 2 && recent.at(-1)!.frame > recent[0]!.frame;
    });
  }

  health(span: HealthSpan): AudioHealth {
    const samplesOf = (c: AudioClockSampler) => (span === 'measurement' ? c.measuringSamples : c.samples);
    const primary = [...this.clocks].sort((a, b) => samplesOf(b).length - samplesOf(a).length)[0];
    const underruns = this.clocks.reduce(
      (sum, c) => {
        const u = span === 'measurement' ? c.measuringUnderruns : c.underruns;
        return { events: sum.events + u.events, seconds: sum.seconds + u.seconds };
      },
      { events: 0, seconds: 0 },
    );
    return summariseHealth({
      clock: primary ? samplesOf(primary) : [],
      sampleRate: primary?.sampleRate ?? null,
      machine: this.machine.since(this.startedAt),
      cores: this.machine.cores,
      captureDropouts: this.clocks.reduce((n, c) => n + c.captureDropouts, 0),
      underrunEvents: underruns.events,
      underrunSeconds: underruns.seconds,
    });
  }

  /** Why the audio was too starved to judge a failure of this kind, or null. */
  starvation(kind: FailureKind, span: HealthSpan = 'test'): string | null {
    return starvationCause(this.health(span), kind);
  }

  /** Stops every sampler (one last reading each); returns the watch's read round trips, ms, or null without pages. */
  async stop(): Promise<number | null> {
    await Promise.all(this.clocks.map((c) => c.stop()));
    return this.clocks.length ? this.clocks.reduce((ms, c) => ms + c.readMs, 0) : null;
  }
}
