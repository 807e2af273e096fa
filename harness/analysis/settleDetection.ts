/**
 * Where a step's output stops moving, found from its meter windows rather than assumed: a fixed
 * settle time measured a filter's ringing at some steps (the peak then depended on the sine's phase
 * at the change). The output RMS of each channel is smoothed over two windows; the settled level
 * is the median of the span's second half, its spread the robust deviation of the point-to-point
 * differences there (jitter, not drift); the output has settled from the first point after which
 * it stays within max(tolerance, 4 × spread) of that level.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import type { MeterWindow } from '../../contracts/meters/meterWindow.ts';

/** Windows averaged per smoothed point (in power). */
const SMOOTH_WINDOWS = 2;
const FLOOR_DB = -140;

export interface SettleFinding {
  /** Index into the given windows of the first settled one (0: settled from the start). */
  settledIndex: number;
  /** How far the unsettled part strayed from the settled level, dB (0 when settled from the start). */
  movedDb: number;
  /** The band the settled part stays within, dB. */
  bandDb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/** Finds where the output of `windows` (consecutive, after a change) settles; `toleranceDb` is the scenario's level tolerance. */
export function findSettled(windows: readonly MeterWindow[], toleranceDb: number): SettleFinding {
  const points = Math.floor(windows.length / SMOOTH_WINDOWS);
  if (points < 4) return { settledIndex: 0, movedDb: 0, bandDb: toleranceDb };
  const channels = ([0, 1] as const).map((ch) => {
    const db = Array.from({ length: points }, (_, p) => {
      let power = 0;
      for (let k = 0; k < SMOOTH_WINDOWS; k++) power += windows[p * SMOOTH_WINDOWS + k]!.outputRms[ch] ** 2;
      return Math.max(FLOOR_DB, linearToDb(Math.sqrt(power / SMOOTH_WINDOWS)));
    });
    const tail = db.slice(Math.floor(points / 2));
    const level = median(tail);
    // The spread from point-to-point differences: jitter shows in them, a steady drift does not
    // (a ramp still under way at the end must not widen the band that judges it).
    const diffs = tail.slice(1).map((x, i) => x - tail[i]!);
    const typical = median(diffs);
    const spread = (1.4826 * median(diffs.map((d) => Math.abs(d - typical)))) / Math.SQRT2;
    const band = Math.max(toleranceDb, 4 * spread);
    let lastOut = -1;
    db.forEach((x, p) => {
      if (Math.abs(x - level) > band) lastOut = p;
    });
    return { db, level, band, settledPoint: lastOut + 1 };
  });
  const settledPoint = Math.max(...channels.map((c) => c.settledPoint));
  const movedDb = Math.max(0, ...channels.flatMap((c) => c.db.slice(0, settledPoint).map((x) => Math.abs(x - c.level))));
  return { settledIndex: settledPoint * SMOOTH_WINDOWS, movedDb, bandDb: Math.max(...channels.map((c) => c.band)) };
}
