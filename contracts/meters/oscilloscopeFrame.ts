/**
 * Wavecraft's oscilloscope frame (wavecraft-protocol OscilloscopeFrame): 1024 points per channel
 * of the post-DSP output, starting at a rising zero crossing of the left channel when the window
 * has one, flagged `no_signal` when every point of both channels is below 1e-4 in magnitude.
 */
export const OSCILLOSCOPE_POINTS = 1024;
/** Below this peak (linear) a frame is `no_signal`, as in Wavecraft. */
export const OSCILLOSCOPE_NO_SIGNAL_LEVEL = 1e-4;

/** Its type, declared once with its schema in the IPC's declaration. */
export type { OscilloscopeFrame } from '../ipc/messages.ts';

/**
 * Where a frame of `points` starts in `left` (the last `2 × points` samples, oldest first): the
 * latest rising zero crossing (left[i − 1] < 0 ≤ left[i]) that leaves `points` samples after it,
 * or, without one, the most recent `points` samples.
 */
export function findTrigger(left: ArrayLike<number>, points = OSCILLOSCOPE_POINTS): number {
  const last = left.length - points;
  for (let i = last; i >= 1; i--) {
    if (left[i - 1]! < 0 && left[i]! >= 0) return i;
  }
  return last;
}

/** Whether every sample of both channels is below the no-signal level. */
export function isNoSignal(left: ArrayLike<number>, right: ArrayLike<number>): boolean {
  for (let i = 0; i < left.length; i++) if (Math.abs(left[i]!) >= OSCILLOSCOPE_NO_SIGNAL_LEVEL) return false;
  for (let i = 0; i < right.length; i++) if (Math.abs(right[i]!) >= OSCILLOSCOPE_NO_SIGNAL_LEVEL) return false;
  return true;
}
