/**
 * How many Playwright workers the machine can give live audio: each worker plays one real-time
 * stream at a time, and a live test keeps about two cores busy (the audio thread, the renderer,
 * the test's own Node process, the dev server, an offline render). Measured on 2 cores: two
 * workers made each test 2–4× slower (tone-output-gain 19 s against 5 s alone), finished no
 * sooner, and starved the audio of a record run into recording nothing. The choice is the cores
 * this process may use (taskset counts) times the share of them idle right now, measured over
 * 0.5 s at start (a load average lags by minutes and counts a previous run), halved, rounded, at
 * least 1. WAVECRAFT_WORKERS wins.
 */
import { availableParallelism, loadavg } from 'node:os';
import { cpuTimes } from '../health/cpuTimes.ts';

/** Cores one live test keeps busy (see above). */
export const CORES_PER_LIVE_TEST = 2;

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

export function chooseWorkers(machine: MachineNow, env: NodeJS.ProcessEnv = process.env): WorkerChoice {
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
  const workers = Math.max(1, Math.min(cores, Math.round(idleCores / CORES_PER_LIVE_TEST)));
  const measured =
    machine.busyShare === null
      ? `load average ${machine.load1.toFixed(1)}`
      : `${Math.round(busy * 100)}% of the CPU busy at start`;
  return {
    workers,
    reason: `${cores} core(s) for this run, ${measured} (${idleCores.toFixed(1)} idle): one live audio stream per ${CORES_PER_LIVE_TEST} idle cores; WAVECRAFT_WORKERS overrides`,
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
export function workersForRun(env: NodeJS.ProcessEnv = process.env): number {
  if (env['TEST_WORKER_INDEX'] !== undefined) return 1; // a worker's copy of the config: not used for scheduling
  const choice = chooseWorkers(
    env['WAVECRAFT_WORKERS'] ? { cores: availableParallelism(), busyShare: null, load1: 0 } : measureMachineNow(),
    env,
  );
  // stderr: stdout may carry a reporter's output (--reporter=json).
  console.error(`[wavecraft] ${choice.workers} worker(s): ${choice.reason}`);
  return choice.workers;
}
