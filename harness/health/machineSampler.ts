/**
 * Samples the machine every 250 ms for the worker's whole life: load average, CPU busy share and
 * how late the sampler's own timer fired (the Node worker's starvation). A test reads the samples
 * taken while it ran. The timer is unref'd: it never keeps a process alive.
 */
import { availableParallelism, loadavg } from 'node:os';
import { cpuTimes } from './cpuTimes.ts';
import { performance } from 'node:perf_hooks';
import type { MachineSample } from './audioHealth.ts';

const PERIOD_MS = 250;
/** Samples kept: 10 minutes. */
const KEEP = (10 * 60 * 1000) / PERIOD_MS;

export class MachineSampler {
  /** Cores this process may run on (taskset counts: `taskset -c 0` gives 1). */
  readonly cores = availableParallelism();
  private readonly samples: MachineSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last = cpuTimes();
  private expectedAt = performance.now() + PERIOD_MS;

  start(): this {
    if (this.timer) return this;
    this.expectedAt = performance.now() + PERIOD_MS;
    this.timer = setInterval(() => this.sample(), PERIOD_MS);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Samples taken from `sinceMs` (performance.now) on. */
  since(sinceMs: number): MachineSample[] {
    return this.samples.filter((s) => s.wallMs >= sinceMs);
  }

  private sample(): void {
    const now = performance.now();
    const lag = Math.max(0, now - this.expectedAt);
    this.expectedAt = now + PERIOD_MS;
    const times = cpuTimes();
    const total = times.total - this.last.total;
    const cpuBusy = total > 0 ? (times.busy - this.last.busy) / total : 0;
    this.last = times;
    this.samples.push({ wallMs: now, load1: loadavg()[0]!, cpuBusy, timerLagMs: lag });
    if (this.samples.length > KEEP) this.samples.splice(0, this.samples.length - KEEP);
  }
}
