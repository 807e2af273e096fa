/**
 * 9. Parameter jumps: each parameter jumps at once from its minimum to its maximum and back (a
 * discrete one steps through its values), on noise and on a sine, with its processor switched in.
 * It judges what a jump adds, never the level a setting is meant to give: the output must stay
 * finite; after each jump it may not overshoot the larger of the steady states before and after it
 * by more than OVERSHOOT_DB (a biquad whose coefficients jump rings far above both: named with the
 * parameter, the jump, the peak and the time it took to settle), whereas a ±24 dB trim's loud steady
 * state is the parameter's design (an absolute bound at the defaults is finite-output's); a
 * continuous parameter may not click (on the sine, the output's largest step from one sample to the
 * next just after the jump more than CLICK_FACTOR times the largest in the steady states around it:
 * an unramped gain); and the change must take effect the same at max_frames blocks as at 128 (a fade
 * spread over the block dips for a whole block).
 */
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import { switchIn } from '../../../contracts/ipc/processors.ts';
import { addScan, dbfs, describeSample, Problems, scanOutput } from '../problems.ts';
import { defaults, freshInstance, peakOf, renderBlocks, type ParameterChange, type ParameterSet } from '../render.ts';
import { noise, type Stereo } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';
import { sine } from '../../signals/signals.ts';

/** From this strictness every accepted rate is jumped at, not only 48 kHz. */
const EVERY_RATE_FROM_STRICTNESS = 8;

const SEGMENT_SECONDS = 0.5;
const STEADY_SECONDS = 0.1;
/** Renders at 128 and at max_frames blocks may differ after a change by more than this (-60 dBFS) … */
const BLOCK_DIFFERENCE = 1e-3;
/** … for at most this long. */
const BLOCK_DIFFERENCE_SECONDS = 0.02;
const SINE_HZ = 220;
/** A jump may take the output this far above the larger of the steady states around it (correct filters ring ~3 dB). */
export const OVERSHOOT_DB = 6;
/** Steady states this quiet (-60 dBFS) count as this loud: a jump out of silence is judged against -60 dBFS. */
const QUIET = 1e-3;
/**
 * A step from one sample to the next this many times the largest in the steady states around a jump,
 * and this many times the largest of the steps within CLICK_NEIGHBOURHOOD_SECONDS of it (a click
 * stands alone: a delay's time glide raises every step around it alike), is a click …
 */
export const CLICK_FACTOR = 4;
/** … if it comes within this long of the jump. */
const CLICK_SECONDS = 0.002;
const CLICK_NEIGHBOURHOOD_SECONDS = 0.001;
/** Settled: every 5 ms window's peak within this of the steady state after the jump. */
const SETTLED_DB = 1;

/** The values a parameter visits: min → max → min, or every discrete value then back to the first. */
export function jumpSequence(d: ParameterDefinition): number[] {
  if (d.type === 'float') return [d.min, d.max, d.min];
  const values: number[] = [];
  for (let v = d.min; v <= d.max; v++) values.push(v);
  return [...values, d.min];
}

function sineInput(frames: number, sampleRate: number): Stereo {
  const l = sine(frames, sampleRate, SINE_HZ, 20 * Math.log10(0.5));
  return [l, l.slice()];
}

const rms = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / Math.max(1, to - from));
};

/** One parameter's jumps on one signal at one rate: what the scans below need to name a problem. */
interface JumpRun {
  d: ParameterDefinition;
  sequence: number[];
  base: ParameterSet;
  changes: ParameterChange[];
  signal: string;
  rate: number;
  /** Frames per value, and the steady stretch at the end of one. */
  segment: number;
  steady: number;
  input: Stereo;
}

const describeJump = (j: JumpRun, k: number) =>
  k === 0 ? `${j.d.id} held at ${j.sequence[0]}` : `${j.d.id} ${j.sequence[k - 1]} → ${j.sequence[k]}`;

/** The problem's place: the jump `k` (0: before any), its parameters and this render. */
function atJump(out: Stereo, j: JumpRun, k: number, frame: number, channel: 'L' | 'R') {
  return {
    params: { ...j.base, [j.d.id]: j.sequence[k]! },
    input: j.signal,
    sampleRate: j.rate,
    blockSize: 128,
    frame,
    channel,
    value: out[channel === 'L' ? 0 : 1][frame]!,
    excerpt: excerpt(frame, channel, { input: j.input, output: out }),
  };
}

/** NaN, Inf, blown-up or subnormal output, named with the jump before it. */
function scanJumps(out: Stereo, j: JumpRun, problems: Problems): void {
  const jumpBefore = (frame: number) => Math.max(0, Math.min(j.sequence.length - 1, Math.floor(frame / j.segment)));
  addScan(problems, scanOutput(out, null), (kind, found) => {
    const k = jumpBefore(found.frame);
    const after = k > 0 ? ` ${(((found.frame - k * j.segment) / j.rate) * 1000).toFixed(1)} ms after the jump` : '';
    return {
      what: `${describeJump(j, k)} on ${j.signal}: ${kind === 'blow-up' ? 'peak ' : ''}${describeSample(kind, found.value)}${after}`,
      ...atJump(out, j, k, found.frame, found.channel),
    };
  });
}

/** The largest step from one sample to the next over [from, to) (`skip`: frames left out), both channels or one. */
function largestStep(
  out: Stereo,
  from: number,
  to: number,
  channels: readonly (0 | 1)[] = [0, 1],
  skip: (frame: number) => boolean = () => false,
): { value: number; frame: number; channel: 'L' | 'R' } {
  let worst = { value: 0, frame: from, channel: 'L' as 'L' | 'R' };
  for (const ch of channels)
    for (let i = Math.max(1, from); i < Math.min(to, out[ch].length); i++) {
      const step = Math.abs(out[ch][i]! - out[ch][i - 1]!);
      if (step > worst.value && !skip(i)) worst = { value: step, frame: i, channel: ch ? 'R' : 'L' };
    }
  return worst;
}

/** How long after `from` the output's 5 ms peaks stay within SETTLED_DB of `steady`, in seconds. */
function settleSeconds(out: Stereo, from: number, to: number, steady: number, rate: number): number {
  const w = Math.max(1, Math.round(0.005 * rate));
  let settledAt = from;
  for (let i = from; i + w <= to; i += w) {
    const p = peakOf(out, i, i + w).value;
    if (Math.abs(20 * Math.log10(Math.max(p, 1e-12) / Math.max(steady, 1e-12))) > SETTLED_DB) settledAt = i + w;
  }
  return (settledAt - from) / rate;
}

/**
 * What each jump adds: an overshoot above the larger of the steady states around it, or (a
 * continuous parameter, on the sine) a click. Finite renders only: the scan names the others.
 */
function judgeJumps(out: Stereo, j: JumpRun, problems: Problems): void {
  for (let k = 1; k < j.sequence.length; k++) {
    const change = k * j.segment;
    const end = change + j.segment;
    const before = peakOf(out, change - j.steady, change).value;
    const after = peakOf(out, end - j.steady, end).value;
    const transient = peakOf(out, change, end - j.steady);
    if (!Number.isFinite(transient.value) || !Number.isFinite(before) || !Number.isFinite(after)) continue;
    const steady = Math.max(before, after, QUIET);
    const overshoot = 20 * Math.log10(transient.value / steady);
    if (overshoot > OVERSHOOT_DB) {
      const ms = ((transient.frame - change) / j.rate) * 1000;
      const settle = settleSeconds(out, change, end - j.steady, after, j.rate) * 1000;
      problems.add(
        'level',
        1,
        {
          what: `${describeJump(j, k)} on ${j.signal}: peak ${dbfs(transient.value)} ${ms.toFixed(1)} ms after the jump, ${overshoot.toFixed(0)} dB above the larger steady state around it (before ${dbfs(before)}, after ${dbfs(after)}; a jump may add ${OVERSHOOT_DB} dB), settling in ${settle.toFixed(0)} ms`,
          ...atJump(out, j, k, transient.frame, transient.channel),
        },
        transient.value,
      );
    }
    if (j.d.type !== 'float' || !j.signal.includes('sine')) continue;
    const click = largestStep(out, change, change + Math.round(CLICK_SECONDS * j.rate));
    const around = Math.max(
      largestStep(out, change - j.steady, change).value,
      largestStep(out, end - j.steady, end).value,
    );
    const near = Math.round(CLICK_NEIGHBOURHOOD_SECONDS * j.rate);
    const neighbours = largestStep(
      out,
      click.frame - near,
      click.frame + near + 1,
      [click.channel === 'L' ? 0 : 1],
      (i) => Math.abs(i - click.frame) < 2,
    ).value;
    if (click.value > CLICK_FACTOR * Math.max(around, neighbours) && click.value > QUIET)
      problems.add(
        'click',
        1,
        {
          what: `${describeJump(j, k)} on ${j.signal}: a click: the output steps by ${click.value.toPrecision(3)} from one sample to the next ${(((click.frame - change) / j.rate) * 1000).toFixed(1)} ms after the jump, ${(20 * Math.log10(click.value / Math.max(around, neighbours))).toFixed(0)} dB more than any step in the steady states around it or within ${CLICK_NEIGHBOURHOOD_SECONDS * 1000} ms of it (ramp the change: a lone step over ${CLICK_FACTOR}× is a click)`,
          ...atJump(out, j, k, click.frame, click.channel),
        },
        click.value / Math.max(around, neighbours),
      );
  }
}

/** From `from` on, the last frame the renders differ by more than BLOCK_DIFFERENCE, and the largest difference. */
function blockDifference(out: Stereo, big: Stereo, from: number, frames: number): { last: number; largest: number } {
  let last = -1;
  let largest = 0;
  for (const ch of [0, 1] as const) {
    for (let i = from; i < from + frames; i++) {
      const diff = Math.abs(out[ch][i]! - big[ch][i]!);
      if (diff > BLOCK_DIFFERENCE || Number.isNaN(diff)) last = Math.max(last, i);
      if (diff > largest) largest = diff;
    }
  }
  return { last, largest };
}

/** Each change that takes effect differently at max_frames blocks than at 128 for longer than allowed, with its dip. */
function compareBlockSizes(out: Stereo, big: Stereo, j: JumpRun, maxFrames: number, problems: Problems): void {
  j.changes.forEach((change, c) => {
    const { last, largest } = blockDifference(out, big, change.frame, j.segment);
    const span = last - change.frame + 1;
    if (last < 0 || span <= BLOCK_DIFFERENCE_SECONDS * j.rate) return;
    // The level through the change at max_frames blocks, in 5 ms windows, against both sides.
    const w = Math.max(1, Math.round(0.005 * j.rate));
    const sides = Math.min(
      rms(big[0], change.frame - j.steady, change.frame),
      rms(big[0], change.frame + j.segment - j.steady, change.frame + j.segment),
    );
    let lowest = Infinity;
    for (let i = change.frame; i + w <= last + 1; i += w) lowest = Math.min(lowest, rms(big[0], i, i + w));
    const dip = 20 * Math.log10(lowest / sides);
    const dipText = sides > 0 && dip < -1 ? `; its level dips ${(-dip).toFixed(1)} dB below both sides` : '';
    problems.add(
      'block-dependent',
      1,
      {
        what: `${describeJump(j, c + 1)} on ${j.signal}: at ${maxFrames}-frame blocks the output differs from 128-frame blocks for ${((span / j.rate) * 1000).toFixed(0)} ms after the change (by up to ${dbfs(largest)})${dipText}: a change spread over the block?`,
        params: { ...j.base, [j.d.id]: change.value },
        input: j.signal,
        sampleRate: j.rate,
        blockSize: maxFrames,
        frame: change.frame,
        channel: 'L',
        value: largest,
        excerpt: excerpt(
          change.frame + Math.round(span / 2),
          'L',
          { [`${maxFrames}-frame blocks`]: big, '128-frame blocks': out },
          Math.min(2000, Math.round(span / 2) + 48),
        ),
      },
      span / j.rate,
    );
  });
}

type CheckArgs = Parameters<ValidatorCheck['run']>[0];

/** One parameter's jumps at one rate, on noise and on a sine; returns how many jumps it rendered. */
function jumpParameter(
  { subject }: Pick<CheckArgs, 'subject'>,
  index: number,
  rate: number,
  problems: Problems,
): number {
  const d = subject.definitions[index]!;
  // Changes land on frames both block grids share, so a sample-accurate DSP renders both alike.
  const segment = Math.ceil((SEGMENT_SECONDS * rate) / subject.maxFrames) * subject.maxFrames;
  const steady = Math.round(STEADY_SECONDS * rate);
  const sequence = jumpSequence(d);
  const frames = segment * sequence.length;
  const base: ParameterSet = {
    ...defaults(subject.definitions),
    ...switchIn(d.id, subject.definitions),
    [d.id]: sequence[0]!,
  };
  const changes: ParameterChange[] = sequence.slice(1).map((value, k) => ({ frame: (k + 1) * segment, index, value }));
  let jumps = 0;
  for (const [signal, input] of [
    ['noise at -6 dBFS', noise(frames, 1 + index)],
    [`a ${SINE_HZ} Hz sine at -6 dBFS`, sineInput(frames, rate)],
  ] as const) {
    const j: JumpRun = { d, sequence, base, changes, signal, rate, segment, steady, input };
    subject.where = `parameter-jumps, ${rate} Hz, ${d.id}, ${signal}`;
    const out = renderBlocks(freshInstance(subject, rate, base)!, input, () => 128, changes);
    jumps += changes.length;
    scanJumps(out, j, problems);
    judgeJumps(out, j, problems);
    if (subject.maxFrames === 128) continue;
    subject.where = `parameter-jumps, ${rate} Hz, ${d.id}, ${signal}, blocks of ${subject.maxFrames}`;
    const big = renderBlocks(freshInstance(subject, rate, base)!, input, () => subject.maxFrames, changes);
    compareBlockSizes(out, big, j, subject.maxFrames, problems);
  }
  return jumps;
}

export const parameterJumpsCheck: ValidatorCheck<'parameter-jumps'> = {
  id: 'parameter-jumps',
  title: 'Parameter jumps',
  explanation: `each parameter jumps at once from min to max and back (bool and enum: through every value), on noise and on a ${SINE_HZ} Hz sine at -6 dBFS, ${SEGMENT_SECONDS} s per value, with its processor switched in, at 48 kHz (every rate from strictness ${EVERY_RATE_FROM_STRICTNESS}): no NaN, Inf or subnormal output; after each jump no peak more than ${OVERSHOOT_DB} dB above the larger of the steady states before and after it (a loud steady state is the parameter's design, not the jump's); on the sine, no click from a continuous parameter (a sample-to-sample step within ${CLICK_SECONDS * 1000} ms of the jump more than ${CLICK_FACTOR}× the largest in the steady states around it and within ${CLICK_NEIGHBOURHOOD_SECONDS * 1000} ms of it); and after each change the renders at max_frames and at 128-frame blocks differ by at most -60 dBFS or for at most ${BLOCK_DIFFERENCE_SECONDS * 1000} ms`,
  minStrictness: 4,
  run({ subject, options, rates }) {
    const problems = new Problems();
    const chosen =
      options.strictness >= EVERY_RATE_FROM_STRICTNESS ? rates : [rates.includes(48000) ? 48000 : rates[0]!];
    let jumps = 0;
    for (const rate of chosen)
      for (let index = 0; index < subject.definitions.length; index++)
        jumps += jumpParameter({ subject }, index, rate, problems);
    const worst = problems.worst();
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} (at ${worst.sampleRate} Hz, ${describeParams(worst.params)}); ${problems.tally()}`,
        worst,
        problems: problems.ranked(),
      };
    }
    return {
      status: 'pass',
      summary: `${jumps} jumps of ${subject.definitions.length} parameters at ${chosen.join(', ')} Hz: finite, no overshoot beyond ${OVERSHOOT_DB} dB above the steady states around a jump, no click, the same at ${subject.maxFrames}-frame blocks as at 128`,
    };
  },
};
