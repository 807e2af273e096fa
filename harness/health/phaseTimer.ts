/**
 * Where a test's time goes: named phases, their wall time and the CPU the whole machine spent
 * meanwhile (all cores, Chromium's processes included: busy time from os.cpus()). Phases of one
 * name add up (every step's parameter waits are one phase). The test fixture attaches them as the
 * `phases` annotation; the summary reporter keeps them; the bench takes medians over a suite
 * (bench/testPhases.ts, docs/benchmarks.md).
 */
import { performance } from 'node:perf_hooks';
import { cpuTimes } from './cpuTimes.ts';

/** The phases a live test goes through, in order. */
export const PHASES = [
  'browser',
  'page to probe-ready',
  'source start',
  'meter self-check',
  'parameter waits',
  'audio',
  'offline render',
  'comparison',
  'teardown',
  // Alongside the others, not after them: the audio clock read every 250 ms (round trips, wall only).
  'health polling',
] as const;
export type PhaseName = (typeof PHASES)[number];

export interface PhaseTotal {
  wallMs: number;
  cpuMs: number;
}

export class PhaseTimer {
  readonly totals = new Map<PhaseName, PhaseTotal>();

  /** Runs `body` as (a part of) phase `name`. */
  async time<T>(name: PhaseName, body: () => Promise<T>): Promise<T> {
    const wall = performance.now();
    const cpu = cpuTimes().busy;
    try {
      return await body();
    } finally {
      this.add(name, performance.now() - wall, cpuTimes().busy - cpu);
    }
  }

  add(name: PhaseName, wallMs: number, cpuMs: number): void {
    const total = this.totals.get(name) ?? { wallMs: 0, cpuMs: 0 };
    total.wallMs += wallMs;
    total.cpuMs += cpuMs;
    this.totals.set(name, total);
  }

  /** The annotation's text: {phase: [wall ms, CPU ms]}, rounded to the millisecond. */
  toJson(): string {
    return JSON.stringify(
      Object.fromEntries([...this.totals].map(([name, t]) => [name, [Math.round(t.wallMs), Math.round(t.cpuMs)]])),
    );
  }
}

/** The annotation a test's phases go in. */
export const PHASES_ANNOTATION = 'phases';
