/**
 * Rendering through a DSP instance in chosen block sizes, with parameter changes between blocks, and scanning the
 * result.
 */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import type { DspInstance, DspUnderTest } from './dspUnderTest.ts';
import type { Stereo } from './testSignals.ts';

export type ParameterSet = Record<string, number>;

/**
 * The block size of the sweeps that hold parameters still (finite-output, silence): large, to
 * spend the time in the DSP rather than in calls; the block-sizes check proves the output does not
 * depend on it.
 */
export const RENDER_BLOCK = 1024;

export interface ParameterChange {
  /** Frame before which the change is applied (a block boundary). */
  frame: number;
  index: number;
  value: number;
}

export function defaults(definitions: readonly ParameterDefinition[]): ParameterSet {
  return Object.fromEntries(definitions.map((d) => [d.id, d.default]));
}

/**
 * A fresh instance at `sampleRate` with `params` applied, then reset (ramps settled). Null when the DSP refuses the
 * rate.
 */
export function freshInstance(subject: DspUnderTest, sampleRate: number, params: ParameterSet): DspInstance | null {
  const instance = subject.create(sampleRate);
  if ('refused' in instance) return null;
  subject.definitions.forEach((d, i) => {
    if (d.id in params) instance.setParameterAt(i, params[d.id]!);
  });
  instance.reset();
  return instance;
}

/**
 * Renders `input` through `instance`, block by block: `blockSize` is called for each block's
 * length; `changes` (sorted by frame) are applied before the block that starts at or after them.
 */
export function renderBlocks(
  instance: DspInstance,
  input: Stereo,
  blockSize: () => number,
  changes: readonly ParameterChange[] = [],
  onBlock?: (frame: number, frames: number) => void,
): Stereo {
  const frames = input[0].length;
  const out: Stereo = [new Float32Array(frames), new Float32Array(frames)];
  let next = 0;
  for (let frame = 0; frame < frames;) {
    while (next < changes.length && changes[next]!.frame <= frame) {
      instance.setParameterAt(changes[next]!.index, changes[next]!.value);
      next++;
    }
    const nextChange = next < changes.length ? changes[next]!.frame : frames;
    const n = Math.max(1, Math.min(blockSize(), frames - frame, nextChange - frame));
    onBlock?.(frame, n);
    instance.process(
      input[0].subarray(frame, frame + n),
      input[1].subarray(frame, frame + n),
      out[0].subarray(frame, frame + n),
      out[1].subarray(frame, frame + n),
      n,
    );
    frame += n;
  }
  return out;
}

export const F32_MIN_NORMAL = 1.1754943508222875e-38;

export interface SampleProblem {
  frame: number;
  channel: 'L' | 'R';
  value: number;
}

export interface SampleScan {
  nan: number;
  inf: number;
  subnormal: number;
  overHeadroom: number;
  first: SampleProblem | null;
  /** The first NaN, Inf or subnormal (or over-headroom when counted) sample. */
  firstKind: 'NaN' | 'Inf' | 'subnormal' | 'over headroom' | null;
}

/** Counts NaN, ±Inf and subnormal samples, and (when `headroom` is given) samples beyond ±headroom. */
export function scanSamples(out: Stereo, headroom: number | null = null, fromFrame = 0): SampleScan {
  const scan: SampleScan = { nan: 0, inf: 0, subnormal: 0, overHeadroom: 0, first: null, firstKind: null };
  out.forEach((channel, ch) => {
    for (let i = fromFrame; i < channel.length; i++) {
      const x = channel[i]!;
      let kind: SampleScan['firstKind'] = null;
      if (Number.isNaN(x)) {
        scan.nan++;
        kind = 'NaN';
      } else if (!Number.isFinite(x)) {
        scan.inf++;
        kind = 'Inf';
      } else if (x !== 0 && Math.abs(x) < F32_MIN_NORMAL) {
        scan.subnormal++;
        kind = 'subnormal';
      } else if (headroom !== null && Math.abs(x) > headroom) {
        scan.overHeadroom++;
        kind = 'over headroom';
      }
      if (kind && (!scan.first || i < scan.first.frame)) {
        scan.first = { frame: i, channel: ch === 0 ? 'L' : 'R', value: x };
        scan.firstKind = kind;
      }
    }
  });
  return scan;
}

/** The largest |a − b| over both channels and where it is. */
export function largestDifference(
  a: Stereo,
  b: Stereo,
): { value: number; frame: number; channel: 'L' | 'R'; a: number; b: number } {
  let worst = { value: 0, frame: -1, channel: 'L' as 'L' | 'R', a: 0, b: 0 };
  for (const ch of [0, 1] as const) {
    for (let i = 0; i < a[ch].length; i++) {
      if (Object.is(a[ch][i], b[ch][i])) continue;
      const d = Math.abs(a[ch][i]! - b[ch][i]!);
      if (d > worst.value || (Number.isNaN(d) && !Number.isNaN(worst.value)))
        worst = { value: d, frame: i, channel: ch ? 'R' : 'L', a: a[ch][i]!, b: b[ch][i]! };
    }
  }
  return worst;
}

/** The first frame where a and b differ at all, or null. */
export function firstDifference(
  a: Stereo,
  b: Stereo,
): { frame: number; channel: 'L' | 'R'; a: number; b: number } | null {
  const len = a[0].length;
  for (let i = 0; i < len; i++) {
    for (const ch of [0, 1] as const) {
      if (!Object.is(a[ch][i], b[ch][i])) return { frame: i, channel: ch ? 'R' : 'L', a: a[ch][i]!, b: b[ch][i]! };
    }
  }
  return null;
}

/** Peak |x| over [from, to) on both channels. */
export function peakOf(
  out: Stereo,
  from = 0,
  to = out[0].length,
): { value: number; frame: number; channel: 'L' | 'R' } {
  let worst = { value: 0, frame: from, channel: 'L' as 'L' | 'R' };
  for (const ch of [0, 1] as const) {
    for (let i = from; i < to; i++) {
      const v = Math.abs(out[ch][i]!);
      if (v > worst.value || Number.isNaN(v)) worst = { value: v, frame: i, channel: ch ? 'R' : 'L' };
    }
  }
  return worst;
}

export function concat(a: Stereo, b: Stereo): Stereo {
  const join = (x: Float32Array, y: Float32Array) => {
    const z = new Float32Array(x.length + y.length);
    z.set(x);
    z.set(y, x.length);
    return z;
  };
  return [join(a[0], b[0]), join(a[1], b[1])];
}
