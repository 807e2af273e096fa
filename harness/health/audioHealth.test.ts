/**
 * The starvation judge on made-up clocks and machines: which failure each kind of starvation
 * excuses, that a hung page is never excused on a quiet machine, and that each cause is named
 * with its figures.
 */
import { describe, expect, it } from 'vitest';
import {
  describeHealth,
  starvationCause,
  summariseHealth,
  type AudioClockSample,
  type MachineSample,
} from './audioHealth.ts';

const RATE = 48_000;

/** A clock read every 250 ms for `seconds`; `rateAt(t)` is the audio clock's speed at wall time t (s). */
function clock(seconds: number, rateAt: (t: number) => number = () => 1, periodMs = 250): AudioClockSample[] {
  const samples: AudioClockSample[] = [];
  let frame = 10_000;
  for (let ms = 0; ms <= seconds * 1000; ms += periodMs) {
    samples.push({ wallMs: ms, frame: Math.round(frame) });
    frame += (rateAt(ms / 1000) * RATE * periodMs) / 1000;
  }
  return samples;
}

const quietMachine: MachineSample[] = [{ wallMs: 0, load1: 1.2, cpuBusy: 0.6, timerLagMs: 3 }];
const busyMachine: MachineSample[] = [{ wallMs: 0, load1: 14, cpuBusy: 1, timerLagMs: 900 }];

const health = (
  samples: AudioClockSample[],
  extra: { machine?: MachineSample[]; dropouts?: number; underrunSeconds?: number } = {},
) =>
  summariseHealth({
    clock: samples,
    sampleRate: RATE,
    machine: extra.machine ?? quietMachine,
    cores: 2,
    captureDropouts: extra.dropouts ?? 0,
    underrunEvents: extra.underrunSeconds ? 7 : 0,
    underrunSeconds: extra.underrunSeconds ?? 0,
  });

describe('audio health', () => {
  it('measures the clock rate, its slowest span and its stalls from the samples', () => {
    const h = health(clock(6, (t) => (t >= 2 && t < 4 ? 0.4 : 1)));
    expect(h.audioSeconds / h.watchedSeconds).toBeCloseTo(0.8, 1);
    expect(h.slowestRate).toBeCloseTo(0.4, 1);
    expect(h.severeSlowSeconds).toBeCloseTo(2, 0);
    expect(h.longestStallSeconds).toBe(0);
    expect(describeHealth(h)).toMatch(/^audio clock 0\.\d\d× real time over 6\.0 s \(slowest span 0\.4\d×/);
  });

  it('excuses nothing on a clean clock and a quiet machine', () => {
    const h = health(clock(5, (t) => 0.97 + 0.06 * Math.sin(t * 7)));
    for (const kind of ['time', 'input', 'measurement'] as const) expect(starvationCause(h, kind)).toBeNull();
  });

  it('excuses a timeout, but not a level mismatch, when the clock was merely slow (0.7×)', () => {
    const h = health(clock(5, (t) => (t >= 1 && t < 3 ? 0.7 : 1)));
    expect(starvationCause(h, 'time')).toMatch(
      /^the audio clock ran at 0\.7\d× real time \(below 0\.85× for 2\.0 s\): too busy to measure$/,
    );
    expect(starvationCause(h, 'input')).not.toBeNull();
    expect(starvationCause(h, 'measurement')).toBeNull();
  });

  it('excuses a level mismatch when the clock crawled (0.2×), the page went silent, or dropouts piled up', () => {
    expect(starvationCause(health(clock(5, (t) => (t >= 1 && t < 3 ? 0.2 : 1))), 'measurement')).toMatch(
      /ran at 0\.2\d× real time \(below 0\.5× for 2\.0 s\)/,
    );
    const silent = clock(4);
    silent.splice(4, 10); // no answer for 2.75 s, then answers again
    expect(starvationCause(health(silent), 'measurement')).toMatch(/the page did not answer for 2\.75 s/);
    expect(starvationCause(health(clock(4), { dropouts: 23 }), 'measurement')).toMatch(
      /^23 capture dropouts: too busy to measure$/,
    );
    expect(starvationCause(health(clock(4), { dropouts: 3 }), 'measurement')).toBeNull();
  });

  it('excuses a stall the clock recovered from; a clock stopped for good fails on a quiet machine and is excused on a busy one', () => {
    const recovered = health(clock(5, (t) => (t >= 1 && t < 2 ? 0 : 1)));
    expect(starvationCause(recovered, 'measurement')).toMatch(/stood still for 1\.\d\d s/);
    const hung = health(clock(5, (t) => (t >= 2 ? 0 : 1)));
    expect(hung.finalStallSeconds).toBeGreaterThan(2.5);
    expect(starvationCause(hung, 'time'), 'a hung page on a quiet machine is a failure').toBeNull();
    expect(
      starvationCause(
        health(
          clock(5, (t) => (t >= 2 ? 0 : 1)),
          { machine: busyMachine },
        ),
        'time',
      ),
    ).toMatch(/stood still .*load average 14\.0 on 2 core\(s\)/);
  });

  it('never excuses a hang (the page silent while its browser answered), however busy the machine', () => {
    expect(
      starvationCause(
        health(
          clock(5, (t) => (t >= 1 && t < 3 ? 0.2 : 1)),
          { machine: busyMachine, dropouts: 30 },
        ),
        'hang',
      ),
    ).toBeNull();
  });

  it('excuses a timeout with no audio clock only on a busy machine', () => {
    expect(starvationCause(health([]), 'time')).toBeNull();
    expect(starvationCause(health([], { machine: busyMachine }), 'time')).toBe(
      "load average 14.0 on 2 core(s), the test's own timers fired 900 ms late (p95): too busy to measure",
    );
    expect(starvationCause(health([], { machine: busyMachine }), 'measurement')).toBeNull();
  });

  it('counts brief render underruns against timeouts and input only; seconds of them (the audio thread stopped) against a measurement too', () => {
    const h = health(clock(4), { underrunSeconds: 0.3 });
    expect(starvationCause(h, 'input')).toMatch(/7 render underruns \(300 ms\)/);
    expect(starvationCause(h, 'measurement')).toBeNull();
    // A renderer frozen for 3 s under load: the clock caught up (0.69×), but 2.96 s of underruns.
    expect(starvationCause(health(clock(4), { underrunSeconds: 2.956 }), 'measurement')).toBe(
      '7 render underruns (2956 ms): too busy to measure',
    );
  });
});
