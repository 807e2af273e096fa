/**
 * Whether each step of a scenario moves the output, found before anything is recorded: the
 * scenario's input rendered through the DSP in Node (WASM or JS, the same backend the worklet
 * runs), its steps applied in turn, each step's settled RMS per channel compared with the step
 * before (step 1: with the DSP at its defaults). A step that moves no level by ≥ 3× the level
 * tolerance checks nothing live, unless it says `"hold": true`. `init` generates only steps that
 * move; `record` and `test` warn about a user's scenarios before they run.
 *
 * `init` also predicts how well each step's readings will repeat live, before anything is
 * recorded: it renders the steps as several takes, each from a fresh DSP that ran a different
 * while before step 1 (its generators and LFOs stand elsewhere when the step starts) on the input
 * from a different offset (another phase against them, and against the block grid), and measures
 * the spread of each step's settled RMS and peak over the takes, as `record` does live.
 */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import type { DspBackend } from '../../contracts/wasm/dspBackend.ts';
import { Random } from '../signals/random.ts';
import { sine, stereoNoise } from '../signals/signals.ts';
import { MOVEMENT_FACTOR } from './scenarioLint.ts';

export const SIMULATION_RATE = 48000;
/** The baseline before step 1: the DSP at its defaults. */
const BASELINE_SECONDS = 0.3;

export interface StepLevels {
  /** Settled RMS per channel, dBFS. */
  rmsDb: [number, number];
  /** Settled sample peak per channel, dBFS. */
  peakDb: [number, number];
}

/**
 * Where a simulated take starts: how long the DSP ran before step 1, where in the input it started, and how much
 * longer than its hold each step ran (live, a step's change lands when the dev server's message does, a little later
 * in one take than in another).
 */
export interface TakeStart {
  prerollSeconds: number;
  inputOffset: number;
  /** Per step, seconds (the last one repeats for steps beyond). */
  lateSeconds?: readonly number[];
}

export interface SimulatedStep {
  set: Record<string, number>;
  holdSeconds: number;
  hold?: boolean;
}

const rmsDb = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return 10 * Math.log10(Math.max(s / Math.max(1, to - from), 1e-20));
};
const peakDb = (x: Float32Array, from: number, to: number) => {
  let p = 0;
  for (let i = from; i < to; i++) p = Math.max(p, Math.abs(x[i]!));
  return 20 * Math.log10(Math.max(p, 1e-10));
};

/**
 * Settled levels at defaults (index 0), then after each step (index i + 1). `input` loops as needed. A take start
 * other than the default runs the DSP at its defaults that much longer first, on the input from that offset.
 */
export function simulateStepLevels(
  make: () => DspBackend,
  definitions: readonly ParameterDefinition[],
  input: readonly [Float32Array, Float32Array],
  steps: readonly SimulatedStep[],
  settleSeconds: number,
  start: TakeStart = { prerollSeconds: BASELINE_SECONDS, inputOffset: 0 },
): StepLevels[] {
  const dsp = make();
  for (const d of definitions) dsp.setParameter(d.id, d.default);
  dsp.reset();
  const block = 128;
  const inL = new Float32Array(block);
  const inR = new Float32Array(block);
  let cursor = start.inputOffset % input[0].length;
  const render = (seconds: number): [Float32Array, Float32Array] => {
    const frames = Math.max(block, Math.round((seconds * SIMULATION_RATE) / block) * block);
    const out: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
    for (let f = 0; f < frames; f += block) {
      for (let i = 0; i < block; i++) {
        inL[i] = input[0][cursor]!;
        inR[i] = input[1][cursor]!;
        cursor = (cursor + 1) % input[0].length;
      }
      dsp.process(inL, inR, out[0].subarray(f, f + block), out[1].subarray(f, f + block), block);
    }
    return out;
  };
  const settled = (out: [Float32Array, Float32Array]): StepLevels => {
    const from = Math.min(out[0].length - block, Math.round(settleSeconds * SIMULATION_RATE));
    return {
      rmsDb: [rmsDb(out[0], from, out[0].length), rmsDb(out[1], from, out[1].length)],
      peakDb: [peakDb(out[0], from, out[0].length), peakDb(out[1], from, out[1].length)],
    };
  };
  const levels = [settled(render(start.prerollSeconds))];
  steps.forEach((step, i) => {
    for (const [id, value] of Object.entries(step.set)) dsp.setParameter(id, value);
    const late = start.lateSeconds?.[Math.min(i, start.lateSeconds.length - 1)] ?? 0;
    const out = render(step.holdSeconds + late);
    // Measured over the hold's length from the settle time, as live: the lateness runs at its end.
    const frames = Math.max(block, Math.round((step.holdSeconds * SIMULATION_RATE) / block) * block);
    levels.push(settled([out[0].subarray(0, frames), out[1].subarray(0, frames)]));
  });
  return levels;
}

/** How far step i moved the output from the state before it: the largest |Δ RMS| over the channels, dB. */
export function stepMoves(levels: readonly StepLevels[]): number[] {
  return levels.slice(1).map((now, i) => {
    const before = levels[i]!;
    return Math.max(Math.abs(now.rmsDb[0] - before.rmsDb[0]), Math.abs(now.rmsDb[1] - before.rmsDb[1]));
  });
}

export interface StillStep {
  step: number;
  movedDb: number;
  neededDb: number;
}

/** The steps (1-based) that move the output by less than MOVEMENT_FACTOR × `levelDb` and do not say `"hold": true`. */
export function stillSteps(steps: readonly SimulatedStep[], moves: readonly number[], levelDb: number): StillStep[] {
  const neededDb = MOVEMENT_FACTOR * levelDb;
  return moves.flatMap((movedDb, i) =>
    movedDb < neededDb && !steps[i]!.hold ? [{ step: i + 1, movedDb, neededDb }] : [],
  );
}

/** The generated scenarios' input, synthesised: a 1 kHz sine, L at -6 dBFS and R at -12 dBFS, one second at 48 kHz. */
export function generatedInput(): [Float32Array, Float32Array] {
  return [sine(SIMULATION_RATE, SIMULATION_RATE, 1000, -6), sine(SIMULATION_RATE, SIMULATION_RATE, 1000, -12)];
}

/** steps → how far each moved the output, for the DSP `make` builds, on `input`. */
export function moveSimulator(
  make: () => DspBackend,
  definitions: readonly ParameterDefinition[],
  input: readonly [Float32Array, Float32Array] = generatedInput(),
  settleSeconds = 0.05,
) {
  return (steps: readonly SimulatedStep[]) =>
    stepMoves(simulateStepLevels(make, definitions, input, steps, settleSeconds));
}

/**
 * The stand-in for capture artefacts: white noise at this level (44 dB under the generated input's -6 dBFS channel).
 */
const ARTEFACT_NOISE_DBFS = -50;

/** `input` with white noise at ARTEFACT_NOISE_DBFS added (seeded: the same every run). */
export function withArtefacts(input: readonly [Float32Array, Float32Array]): [Float32Array, Float32Array] {
  const [l, r] = stereoNoise(input[0].length, new Random(0x5eed), 10 ** (ARTEFACT_NOISE_DBFS / 20) * Math.sqrt(3));
  return [l.map((x, i) => x + input[0][i]!), r.map((x, i) => x + input[1][i]!)];
}

export interface StepSimulation {
  /** How far each step moved the output (dB, the largest over the channels). */
  moves: number[];
  /**
   * How far each step's settled level moves when the input carries a noise floor like the capture's
   * artefacts (dB, the largest over the channels). A gain scales both alike (≈ 0); a filter that leaves
   * its signal far down in its stopband passes the noise and not the signal, and its live level
   * wanders between runs by as much as this says.
   */
  artefactShiftDb: number[];
  /**
   * How far each step's settled RMS moves between simulated takes (dB, the largest over the channels): a
   * generator summed in, an LFO or two tones beating make it more than a gain or a filter does (≈ 0).
   */
  takeSpreadDb: number[];
  /** The same for the step's sample peak: a second tone in the output moves it while the RMS holds. */
  peakSpreadDb: number[];
}

/** How much later a step's change may land in one live take than in another, seconds (measured: tens of ms). */
const LATE_SECONDS = 0.05;

/**
 * The simulated takes: how long the DSP ran before step 1, where in the input each started, how late each step
 * (seeded: the same every run; 32 steps at most).
 */
export const SIMULATED_TAKES: readonly TakeStart[] = (() => {
  const random = new Random(0x7a4e5);
  return Array.from({ length: 4 }, (_, i) => ({
    prerollSeconds: i === 0 ? BASELINE_SECONDS : BASELINE_SECONDS + random.next() * 1.7,
    inputOffset: i === 0 ? 0 : Math.floor(random.next() * SIMULATION_RATE),
    lateSeconds: Array.from({ length: 32 }, () => (i === 0 ? 0 : random.next() * LATE_SECONDS)),
  }));
})();

/** Per step, the largest spread over the channels of one statistic across takes. */
function spreads(takes: readonly StepLevels[][], statistic: 'rmsDb' | 'peakDb'): number[] {
  return takes[0]!.slice(1).map((_, i) =>
    Math.max(
      ...[0, 1].map((ch) => {
        const values = takes.map((levels) => levels[i + 1]![statistic][ch]!);
        return Math.max(...values) - Math.min(...values);
      }),
    ),
  );
}

/**
 * steps → how far each moves the output, how far artefacts move its level, and how far its readings move between
 * takes; for the DSP `make` builds.
 */
export function stepSimulator(
  make: () => DspBackend,
  definitions: readonly ParameterDefinition[],
  input: readonly [Float32Array, Float32Array] = generatedInput(),
  settleSeconds = 0.05,
) {
  const noisy = withArtefacts(input);
  return (steps: readonly SimulatedStep[]): StepSimulation => {
    const takes = SIMULATED_TAKES.map((start) =>
      simulateStepLevels(make, definitions, input, steps, settleSeconds, start),
    );
    const clean = takes[0]!;
    const shifted = simulateStepLevels(make, definitions, noisy, steps, settleSeconds);
    const artefactShiftDb = clean
      .slice(1)
      .map((c, i) => Math.max(...c.rmsDb.map((db, ch) => Math.abs(shifted[i + 1]!.rmsDb[ch]! - db))));
    return {
      moves: stepMoves(clean),
      artefactShiftDb,
      takeSpreadDb: spreads(takes, 'rmsDb'),
      peakSpreadDb: spreads(takes, 'peakDb'),
    };
  };
}
