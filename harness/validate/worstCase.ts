/** The worst case a validator check found, and how it is shown: enough to reproduce it and to see it. */
import type { ParameterSet } from './render.ts';
import type { Stereo } from './testSignals.ts';

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

/**
 * `radius` frames either side of `frame` from each named signal (channel `channel`). The whole
 * signals ride along, out of the JSON (see `wholeSignals`): the render a failure was found in.
 */
export function excerpt(frame: number, channel: 'L' | 'R', signals: Record<string, Stereo>, radius = 48): Excerpt {
  const ch = channel === 'L' ? 0 : 1;
  const first = Object.values(signals)[0]!;
  const from = Math.max(0, frame - radius);
  const to = Math.min(first[ch].length, frame + radius + 1);
  const shown: Excerpt = {
    fromFrame: from,
    series: Object.entries(signals).map(([label, s]) => ({ label, values: Array.from(s[ch].subarray(from, to)) })),
  };
  Object.defineProperty(shown, WHOLE, { value: signals, enumerable: false });
  return shown;
}

const WHOLE = Symbol('whole signals');

/** The whole renders an excerpt was cut from (input, output, …), when it was made here; never serialised. */
export function wholeSignals(shown: Excerpt | undefined): Record<string, Stereo> | undefined {
  return shown ? (shown as Excerpt & { [WHOLE]?: Record<string, Stereo> })[WHOLE] : undefined;
}

export const describeParams = (params: ParameterSet | undefined) =>
  params && Object.keys(params).length
    ? Object.entries(params)
        .map(([id, v]) => `${id}=${Number.isInteger(v) ? v : v.toPrecision(4)}`)
        .join(' ')
    : 'defaults';
