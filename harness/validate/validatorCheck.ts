/** The shape of a validator check, what it is given, and what it reports. */
import type { CheckId } from './checkIds.ts';
import type { DspUnderTest } from './dspUnderTest.ts';
import type { GeneratorGate } from './generatorGates.ts';
import type { ProblemCount } from './problems.ts';
import type { Random } from '../signals/random.ts';
import type { ParameterSet } from './render.ts';
import type { Stereo } from './testSignals.ts';
import type { ValidateOptions } from './validatorOptions.ts';

export interface CheckContext {
  subject: DspUnderTest;
  /** A Chromium executable (found, or installed by set-up), for a check that `needs` it. */
  chromium: () => Promise<string>;
  options: ValidateOptions;
  /** This check's own seeded generator. */
  random: Random;
  /** The sample rates the DSP accepted (from the sample-rates check). */
  rates: number[];
  /** The bool parameters that switch a generator on (found once, after the sample rates). */
  gates: GeneratorGate[];
}

/** A stretch of signal around the worst case, for the report's plot. */
export interface Excerpt {
  fromFrame: number;
  series: { label: string; values: number[] }[];
}

/** The worst case a check found: enough to reproduce it and to see it. */
export interface WorstCase {
  what: string;
  params?: ParameterSet;
  input?: string;
  sampleRate?: number;
  blockSize?: number | string;
  frame?: number;
  channel?: 'L' | 'R';
  value?: number;
  expected?: number;
  excerpt?: Excerpt;
}

export interface CheckOutcome {
  status: 'pass' | 'fail' | 'skip';
  summary: string;
  worst?: WorstCase;
  /** Every kind of problem found, worst first, with counts (checks that collect them). */
  problems?: ProblemCount[];
  /** Figures a check measured that others read (the cost check's `nsPerFrame@128` for the nightly). */
  measurements?: Record<string, number>;
}

export interface ValidatorCheck<Id extends CheckId = CheckId> {
  id: Id;
  title: string;
  /** One line: what it checks and why. */
  explanation: string;
  minStrictness: number;
  /**
   * When it runs, whatever its place in the report: `first` (it provides the sample rates the others
   * run at), `last` (it watches every call the others made), or with the rest (default).
   */
  runs?: 'first' | 'last';
  /** It runs even when --only or --skip leave it out (the others need what it provides). */
  required?: boolean;
  run(context: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

/** `radius` frames either side of `frame` from each named signal (channel `channel`). */
export function excerpt(frame: number, channel: 'L' | 'R', signals: Record<string, Stereo>, radius = 48): Excerpt {
  const ch = channel === 'L' ? 0 : 1;
  const first = Object.values(signals)[0]!;
  const from = Math.max(0, frame - radius);
  const to = Math.min(first[ch].length, frame + radius + 1);
  return {
    fromFrame: from,
    series: Object.entries(signals).map(([label, s]) => ({ label, values: Array.from(s[ch].subarray(from, to)) })),
  };
}

export const describeParams = (params: ParameterSet | undefined) =>
  params && Object.keys(params).length
    ? Object.entries(params)
        .map(([id, v]) => `${id}=${Number.isInteger(v) ? v : v.toPrecision(4)}`)
        .join(' ')
    : 'defaults';
