/**
 * How many Playwright workers the machine can give live audio. A worker plays one test at a time;
 * a test plays one real-time stream (`record`: its takes, several at once). A playing dev-mode
 * page costs ~0.35 of a core (its renderer, Chromium's audio and GPU processes, the test's Node
 * process), and a test's other work (navigation, the offline render, comparisons) fits beside it,
 * so each stream is given one idle core (measured: docs/benchmarks.md, figure 5). The idle cores
 * are the cores this process may use (taskset counts) times the share of them idle right now,
 * measured over 0.5 s at start (a load average lags by minutes and counts a previous run); the
 * workers are the idle cores over the streams a test plays, rounded, at least 1 and at most the
 * cores. WAVECRAFT_WORKERS wins.
 */
import { availableParallelism, loadavg } from 'node:os';
import { cpuTimes } from '../health/cpuTimes.ts';
import { TAKES_PER_ROUND } from '../goldens/repeatability.ts';

/** Idle cores one live audio stream is given (see above). */
export const CORES_PER_LIVE_STREAM = 1;

export interface WorkerChoice {
  workers: number;
  /** One line for the start of the run. */
  reason: string;
}

export interface MachineNow {
  cores: number;
  /** Share of the machine's cores busy (0..1) over the measurement; null where it cannot be measured. */
  busyShare: number | null;
  load1: number;
}

/**
 * `streamsPerTest`: the live streams one test plays at once (1; `record` plays TAKES_PER_ROUND takes).
 */
export function chooseWorkers(
  machine: MachineNow,
  env: NodeJS.ProcessEnv = process.env,
  streamsPerTest = 1,
): WorkerChoice {
  const given = env['WAVECRAFT_WORKERS'];
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`WAVECRAFT_WORKERS must be a whole number of at least 1, got "${given}"`);
    return { workers: n, reason: `WAVECRAFT_WORKERS=${given}` };
  }
  const { cores } = machine;
  // Without a CPU reading (no /proc/stat), the load average stands in.
  const busy = machine.busyShare ?? Math.min(1, machine.load1 / cores);
  const idleCores = cores * (1 - busy);
  const workers = Math.max(1, Math.min(cores, Math.round(idleCores / (streamsPerTest * CORES_PER_LIVE_STREAM))));
  const measured =
    machine.busyShare === null
      ? `load average ${machine.load1.toFixed(1)}`
      : `${Math.round(busy * 100)}% of the CPU busy at start`;
  return {
    workers,
    reason: `${cores} core(s) for this run, ${measured} (${idleCores.toFixed(1)} idle): one live audio stream per idle core, ${streamsPerTest === 1 ? 'one' : streamsPerTest} per test${streamsPerTest === 1 ? '' : ' (the takes of record)'}; WAVECRAFT_WORKERS overrides`,
  };
}

/** Measures the machine now: blocks for `sampleMs` (the config is loaded synchronously). */
export function measureMachineNow(sampleMs = 500): MachineNow {
  const a = cpuTimes();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, sampleMs);
  const b = cpuTimes();
  const total = b.total - a.total;
  return {
    cores: availableParallelism(),
    busyShare: total > 0 ? (b.busy - a.busy) / total : null,
    load1: loadavg()[0]!,
  };
}

/** The workers for this run, printed once by the runner's own process (not by each worker). */
export function workersForRun(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): number {
  if (env['TEST_WORKER_INDEX'] !== undefined) return 1; // a worker's copy of the config: not used for scheduling
  const choice = chooseWorkers(
    env['WAVECRAFT_WORKERS'] ? { cores: availableParallelism(), busyShare: null, load1: 0 } : measureMachineNow(),
    env,
    recording(argv) ? TAKES_PER_ROUND : 1,
  );
  // stderr: stdout may carry a reporter's output (--reporter=json).
  console.error(`[wavecraft] ${choice.workers} worker(s): ${choice.reason}`);
  return choice.workers;
}

/** Whether Playwright was asked to write snapshots (record): `-u`, `--update-snapshots[=mode]` but `none`. */
export function recording(argv: readonly string[]): boolean {
  return argv.some(
    (a, i) =>
      a === '-u' ||
      (a.startsWith('--update-snapshots') && (a.includes('=') ? a.split('=')[1] !== 'none' : argv[i + 1] !== 'none')),
  );
}
