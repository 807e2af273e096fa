/**
 * A test's audio health: what the machine let the audio do while the test measured it, and the
 * judgement whether it was starved. Pure functions over samples, so the thresholds are unit-tested.
 *
 * The evidence, in order of weight:
 * - the audio clock against the wall clock (frames the page reported over Node's monotonic clock):
 *   its slowest spans and its longest stall. A load average says little by itself on 2 cores (the
 *   suite alone holds it at 10+); the audio clock says what the audio really got;
 * - capture dropouts the measurements found (holes in the captured input, skipped when measuring);
 * - render underruns the page reports (AudioContext.playbackStats, where the browser has it);
 * - the machine: load average, CPU busy share and the Node worker's timer lag, for tests with no
 *   audio clock (offline renders, the stack's checks).
 */

/** One reading of the page's audio clock. */
export interface AudioClockSample {
  /** Node's monotonic clock (performance.now), ms, midway through the read. */
  wallMs: number;
  /** The page's audio clock: end frame of its newest meter window. */
  frame: number;
}

/** One reading of the machine. */
export interface MachineSample {
  wallMs: number;
  /** 1-minute load average. */
  load1: number;
  /** Share of all cores busy since the previous sample, 0..1. */
  cpuBusy: number;
  /** How late this sample's timer fired, ms (the Node worker's own starvation). */
  timerLagMs: number;
}

/**
 * What a failed test failed on, which decides how much starvation excuses it:
 * - time: it ran out of time (a wait's audio or stall limit, Playwright's timeout): any sign of a
 *   starved machine explains it;
 * - input: the captured input was wrong (silence, holes the measurement could not skip): any sign
 *   of starved audio explains it;
 * - measurement: a level or sample mismatch. The harness measures inside the worklet, on the very
 *   samples the DSP saw, and skips capture dropouts, so a slow clock or device underruns do not
 *   corrupt it: only severe starvation (the clock crawling or stopped, the page not answering,
 *   many dropouts) excuses it;
 * - hang: the page stopped (no answer while its browser answered, or its audio clock stood still
 *   while it answered): nothing excuses it.
 */
export type FailureKind = 'time' | 'input' | 'measurement' | 'hang';

export interface AudioHealthThresholds {
  /** An audio-clock span slower than this (× real time) counts as slow. */
  slowRate: number;
  /** ...and slower than this as severely slow (enough to excuse a measurement). */
  severeSlowRate: number;
  /** Slow spans adding up to this many seconds starve the audio. */
  maxSlowSeconds: number;
  /** The audio clock standing still this long starves the audio. */
  maxStallSeconds: number;
  /** The page not answering this long (its main thread starved) starves the audio. */
  maxSilenceSeconds: number;
  /** This many capture dropouts starve the audio. */
  maxCaptureDropouts: number;
  /** This much render underrun (s) starves the audio. */
  maxUnderrunSeconds: number;
  /** ...and this much means the audio thread itself stopped (excuses a measurement too). */
  severeUnderrunSeconds: number;
  /** For a timed-out test with no audio clock: load average per core at or above this is too busy. */
  busyLoadPerCore: number;
  /** ... or the Node worker's timers firing this late (95th percentile, ms). */
  busyTimerLagMs: number;
}

/**
 * Chosen from measurement (README "Trust"): on a quiet 2-core machine running the suite, spans of
 * 1 s of wall time ran at 0.97–1.03× with the 250 ms poll, the longest stall was under 0.2 s
 * and capture dropouts were 0–1 per test; a neighbour suite or stress-ng drove spans to 0.3–0.8×,
 * stalls of 0.5–4 s and dozens of dropouts.
 */
export const DEFAULT_THRESHOLDS: AudioHealthThresholds = {
  slowRate: 0.85,
  severeSlowRate: 0.5,
  maxSlowSeconds: 1,
  maxStallSeconds: 0.6,
  maxSilenceSeconds: 2,
  maxCaptureDropouts: 4,
  maxUnderrunSeconds: 0.05,
  severeUnderrunSeconds: 0.5,
  busyLoadPerCore: 4,
  busyTimerLagMs: 500,
};

/** Wall span over which the clock rate is judged: short enough to catch a burst, long enough for the poll's jitter. */
const RATE_SPAN_MS = 1000;

export interface AudioHealth {
  /** Wall seconds the audio clock was watched (0: no live page). */
  watchedSeconds: number;
  /** Audio seconds that played meanwhile. */
  audioSeconds: number;
  /** Slowest span's rate (× real time), null without enough samples. */
  slowestRate: number | null;
  /** Wall seconds in spans slower than the threshold. */
  slowSeconds: number;
  /** Wall seconds in spans slower than the severe threshold. */
  severeSlowSeconds: number;
  longestStallSeconds: number;
  /** Seconds the clock had stood still when watching ended (a hang, unless the machine was busy). */
  finalStallSeconds: number;
  /** Longest wall time between two answers of the page (its main thread starved), s. */
  longestSilenceSeconds: number;
  captureDropouts: number;
  underrunEvents: number;
  underrunSeconds: number;
  cores: number;
  maxLoad1: number;
  meanCpuBusy: number;
  timerLagP95Ms: number;
}

/** Summarises the samples of one test. */
export function summariseHealth(input: {
  clock: readonly AudioClockSample[];
  sampleRate: number | null;
  machine: readonly MachineSample[];
  cores: number;
  captureDropouts: number;
  underrunEvents: number;
  underrunSeconds: number;
  thresholds?: AudioHealthThresholds;
}): AudioHealth {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const clock = input.clock;
  let slowestRate: number | null = null;
  let slowSeconds = 0;
  let severeSlowSeconds = 0;
  let longestStallMs = 0;
  let stallStart: number | null = null;
  let finalStallMs = 0;
  const rate = input.sampleRate ?? 0;
  if (clock.length >= 2 && rate > 0) {
    // Spans of at least RATE_SPAN_MS, back to back, up to the clock's last move: a clock that
    // stops for good is a stall (judged below), not a slow span.
    let lastMove = 0;
    for (let i = 1; i < clock.length; i++) if (clock[i]!.frame > clock[i - 1]!.frame) lastMove = i;
    let from = 0;
    for (let i = 1; i <= lastMove; i++) {
      const wall = clock[i]!.wallMs - clock[from]!.wallMs;
      if (wall >= RATE_SPAN_MS || (i === lastMove && wall >= RATE_SPAN_MS / 2)) {
        const r = (clock[i]!.frame - clock[from]!.frame) / rate / (wall / 1000);
        slowestRate = slowestRate === null ? r : Math.min(slowestRate, r);
        if (r < t.slowRate) slowSeconds += wall / 1000;
        if (r < t.severeSlowRate) severeSlowSeconds += wall / 1000;
        from = i;
      }
    }
    for (let i = 1; i < clock.length; i++) {
      if (clock[i]!.frame <= clock[i - 1]!.frame) {
        stallStart ??= clock[i - 1]!.wallMs;
        longestStallMs = Math.max(longestStallMs, clock[i]!.wallMs - stallStart);
      } else stallStart = null;
    }
    if (stallStart !== null) finalStallMs = clock.at(-1)!.wallMs - stallStart;
  }
  let longestSilenceMs = 0;
  for (let i = 1; i < clock.length; i++)
    longestSilenceMs = Math.max(longestSilenceMs, clock[i]!.wallMs - clock[i - 1]!.wallMs);
  const lags = input.machine.map((m) => m.timerLagMs).sort((a, b) => a - b);
  const watchedMs = clock.length >= 2 ? clock.at(-1)!.wallMs - clock[0]!.wallMs : 0;
  return {
    watchedSeconds: watchedMs / 1000,
    audioSeconds: clock.length >= 2 && rate > 0 ? (clock.at(-1)!.frame - clock[0]!.frame) / rate : 0,
    slowestRate,
    slowSeconds,
    severeSlowSeconds,
    longestStallSeconds: longestStallMs / 1000,
    finalStallSeconds: finalStallMs / 1000,
    longestSilenceSeconds: longestSilenceMs / 1000,
    captureDropouts: input.captureDropouts,
    underrunEvents: input.underrunEvents,
    underrunSeconds: input.underrunSeconds,
    cores: input.cores,
    maxLoad1: Math.max(0, ...input.machine.map((m) => m.load1)),
    meanCpuBusy: input.machine.length ? input.machine.reduce((s, m) => s + m.cpuBusy, 0) / input.machine.length : 0,
    timerLagP95Ms: lags.length ? lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.95))]! : 0,
  };
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/** One line for reports: what the audio and the machine did. */
export function describeHealth(h: AudioHealth): string {
  const parts: string[] = [];
  if (h.watchedSeconds > 0) {
    parts.push(
      `audio clock ${f2(h.audioSeconds / Math.max(h.watchedSeconds, 1e-9))}× real time over ${f1(h.watchedSeconds)} s (slowest span ${h.slowestRate === null ? 'n/a' : `${f2(h.slowestRate)}×`}, longest stall ${f2(h.longestStallSeconds)} s, longest silence ${f2(h.longestSilenceSeconds)} s)`,
    );
    parts.push(`${h.captureDropouts} capture dropout(s)`);
    parts.push(`${h.underrunEvents} render underrun(s) (${Math.round(h.underrunSeconds * 1000)} ms)`);
  } else parts.push('no live audio watched');
  parts.push(
    `load ${f1(h.maxLoad1)} on ${h.cores} core(s), CPU ${Math.round(h.meanCpuBusy * 100)}% busy, timer lag p95 ${Math.round(h.timerLagP95Ms)} ms`,
  );
  return parts.join(', ');
}

/**
 * Why the audio was starved, with figures, or null when it was clean enough to judge the DSP on a
 * failure of this kind (see FailureKind).
 */
export function starvationCause(
  h: AudioHealth,
  kind: FailureKind,
  thresholds: AudioHealthThresholds = DEFAULT_THRESHOLDS,
): string | null {
  if (kind === 'hang') return null;
  const t = thresholds;
  const busy: string[] = [];
  if (h.maxLoad1 / Math.max(1, h.cores) >= t.busyLoadPerCore)
    busy.push(`load average ${f1(h.maxLoad1)} on ${h.cores} core(s)`);
  if (h.timerLagP95Ms >= t.busyTimerLagMs)
    busy.push(`the test's own timers fired ${Math.round(h.timerLagP95Ms)} ms late (p95)`);
  const severe: string[] = [];
  if (h.severeSlowSeconds >= t.maxSlowSeconds)
    severe.push(
      `the audio clock ran at ${f2(h.slowestRate ?? 0)}× real time (below ${t.severeSlowRate}× for ${f1(h.severeSlowSeconds)} s)`,
    );
  // A stall the clock recovered from is the machine pausing the audio; one that lasts to the end
  // is a hung page, unless the machine was measurably busy meanwhile.
  const recovered = h.longestStallSeconds > h.finalStallSeconds;
  if (h.longestStallSeconds >= t.maxStallSeconds && (recovered || busy.length))
    severe.push(`the audio clock stood still for ${f2(h.longestStallSeconds)} s`);
  // The page answered again afterwards (the samples are its answers): it was starved, not hung.
  if (h.longestSilenceSeconds >= t.maxSilenceSeconds)
    severe.push(`the page did not answer for ${f2(h.longestSilenceSeconds)} s`);
  if (h.captureDropouts >= t.maxCaptureDropouts) severe.push(`${h.captureDropouts} capture dropouts`);
  // Seconds of underrun: the audio thread itself stopped, and the capture overflowed meanwhile.
  if (h.underrunSeconds >= t.severeUnderrunSeconds)
    severe.push(`${h.underrunEvents} render underruns (${(h.underrunSeconds * 1000).toFixed(0)} ms)`);
  const mild: string[] = [];
  if (!severe.length && h.slowSeconds >= t.maxSlowSeconds)
    mild.push(
      `the audio clock ran at ${f2(h.slowestRate ?? 0)}× real time (below ${t.slowRate}× for ${f1(h.slowSeconds)} s)`,
    );
  if (h.underrunSeconds >= t.maxUnderrunSeconds && h.underrunSeconds < t.severeUnderrunSeconds)
    mild.push(`${h.underrunEvents} render underruns (${(h.underrunSeconds * 1000).toFixed(0)} ms)`);
  let causes: string[];
  if (kind === 'measurement') causes = severe;
  else {
    causes = [...severe, ...mild];
    // Without audio evidence, only a test that ran out of time on a busy machine is inconclusive,
    // and never one whose page stopped for good on a quiet one (a hang).
    if (kind === 'time' && causes.length === 0 && h.finalStallSeconds < t.maxStallSeconds) causes = busy;
  }
  if (!causes.length) return null;
  for (const b of busy) if (!causes.includes(b)) causes.push(b);
  return `${causes.join(', ')}: too busy to measure`;
}
