/**
 * Where a step's output stops moving, found from its meter windows rather than assumed: a fixed
 * settle time measured a filter's ringing at some steps (the peak then depended on the sine's phase
 * at the change). Each channel's output is followed twice, as its RMS and as its peak, each smoothed
 * over two windows (power for the RMS, the larger for the peak). The last 30% of the span is the
 * reference: the range the level keeps there, widened by a margin (the RMS: the tolerance or half
 * that range; the peak, which a steady tone holds to a hundredth of a dB: a quarter of the
 * tolerance or half the range). A transient is a run of points outside that range from the change
 * on, shrinking as it goes: when it ends before the reference, the span starts after it. The peak
 * sees the tail of a transient the RMS no longer does (an f32 filter whose coefficients jumped:
 * +0.1 dB on the peak 60 ms after the change, in some takes and not others, with the RMS settled),
 * so the span starts where both have settled. When a run goes on into the reference, the output may
 * not have settled, or may be a slow modulation (a tremolo's level swings through a range wider than
 * the reference saw): nothing is cut, and the step is reported as possibly not settled, which a
 * failure then says. Points outside the range that do not form such a run (noise, a faster
 * modulation) are no transient.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import type { MeterWindow } from '../../contracts/meters/meterWindow.ts';

/** Windows averaged per smoothed point (in power). */
const SMOOTH_WINDOWS = 2;
const FLOOR_DB = -140;
/** The share of the span at its end that shows the settled level and its range. */
export const REFERENCE_SHARE = 0.3;

export interface SettleFinding {
  /** Index into the given windows of the first settled one (0: no transient found). */
  settledIndex: number;
  /** False when a shrinking run outside the settled range went on into the reference part. */
  settled: boolean;
  /** The window index the run reached (its end), when not settled. */
  movingUntilIndex: number;
  /** How far the transient strayed outside the settled range, dB. */
  movedDb: number;
  /** Half-width of the settled range, dB. */
  bandDb: number;
}

/**
 * Finds where the output of `windows` (consecutive, after a change) settles; `toleranceDb` is the scenario's level
 * tolerance.
 */
export function findSettled(windows: readonly MeterWindow[], toleranceDb: number): SettleFinding {
  const points = Math.floor(windows.length / SMOOTH_WINDOWS);
  const referenceFrom = Math.floor(points * (1 - REFERENCE_SHARE));
  const none = { settledIndex: 0, settled: true, movingUntilIndex: 0, movedDb: 0, bandDb: toleranceDb };
  if (points < 4 || referenceFrom < 1) return none;
  let runEnd = 0; // points [0, runEnd) are the transient, on the channel and statistic where it lasts longest
  let movedDb = 0;
  let bandDb = toleranceDb;
  const rmsPoint = (ch: 0 | 1, p: number) => {
    let power = 0;
    for (let k = 0; k < SMOOTH_WINDOWS; k++) power += windows[p * SMOOTH_WINDOWS + k]!.outputRms[ch] ** 2;
    return Math.sqrt(power / SMOOTH_WINDOWS);
  };
  const peakPoint = (ch: 0 | 1, p: number) => {
    let peak = 0;
    for (let k = 0; k < SMOOTH_WINDOWS; k++) peak = Math.max(peak, windows[p * SMOOTH_WINDOWS + k]!.outputPeak[ch]);
    return peak;
  };
  const series = [
    { statistic: 'rms', point: rmsPoint, marginDb: toleranceDb },
    { statistic: 'peak', point: peakPoint, marginDb: toleranceDb / 4 },
  ] as const;
  for (const ch of [0, 1] as const) {
    for (const { statistic, point, marginDb } of series) {
      const db = Array.from({ length: points }, (_, p) => Math.max(FLOOR_DB, linearToDb(point(ch, p))));
      const reference = db.slice(referenceFrom);
      const low = Math.min(...reference);
      const high = Math.max(...reference);
      const margin = Math.max(marginDb, (high - low) / 2);
      if (statistic === 'rms') bandDb = Math.max(bandDb, (high - low) / 2 + margin);
      const excess = db.map((x) => Math.max(0, low - margin - x, x - high - margin));
      // A run from the change on, shrinking (within the tolerance), then nothing outside after it.
      let end = 0;
      while (end < points && excess[end]! > 0 && (end === 0 || excess[end]! <= excess[end - 1]! + toleranceDb)) end++;
      if (end === 0 || excess.slice(end).some((e) => e > 0)) continue;
      runEnd = Math.max(runEnd, end);
      if (statistic === 'rms') movedDb = Math.max(movedDb, excess[0]!);
    }
  }
  if (runEnd === 0) return { ...none, bandDb };
  if (runEnd >= referenceFrom)
    return { settledIndex: 0, settled: false, movingUntilIndex: runEnd * SMOOTH_WINDOWS, movedDb, bandDb };
  return { settledIndex: runEnd * SMOOTH_WINDOWS, settled: true, movingUntilIndex: 0, movedDb, bandDb };
}
