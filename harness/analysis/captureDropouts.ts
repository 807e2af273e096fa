/**
 * Chromium's fake capture runs on its own timer, and the MediaStream → AudioContext FIFO
 * occasionally underruns, putting a few ms of zeros into the page's input (seen here: about
 * one 250-sample hole per 20 s of audio, at random times). Such a window says nothing about the
 * DSP, so settled measurements skip it — judged on the pre-DSP input only, never on the output —
 * and report it.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import type { ProbeMeterWindow } from '../../contracts/probe/probeApi.ts';

/** What the input should read while the fixture plays: its RMS per channel, dBFS. */
export interface ExpectedInput {
  rmsDb: [number, number];
  /** How far a window may deviate before it counts as a dropout. Default 0.1 dB. */
  toleranceDb?: number;
}

export interface CaptureDropout {
  frame: number;
  inputRmsDb: [number, number];
}

/** Splits windows into those whose input matches `expected` and the dropouts. */
export function splitCaptureDropouts(
  windows: readonly ProbeMeterWindow[],
  expected: ExpectedInput,
): { clean: ProbeMeterWindow[]; dropouts: CaptureDropout[] } {
  const tolerance = expected.toleranceDb ?? 0.1;
  const clean: ProbeMeterWindow[] = [];
  const dropouts: CaptureDropout[] = [];
  for (const w of windows) {
    const rmsDb: [number, number] = [linearToDb(w.inputRms[0]), linearToDb(w.inputRms[1])];
    const ok = rmsDb.every((db, ch) => Math.abs(db - expected.rmsDb[ch]!) <= tolerance);
    if (ok) clean.push(w);
    else dropouts.push({ frame: w.frame, inputRmsDb: rmsDb });
  }
  return { clean, dropouts };
}

/**
 * Without a known input level: a window is a dropout when either channel's input RMS lies more
 * than `dropDb` below that channel's median over the span (spans quieter than -80 dBFS have none).
 * Meant for steady inputs (sines, noise); a hole of a few ms costs a 480-frame window 1–3 dB.
 */
export function splitMedianDropouts(
  windows: readonly ProbeMeterWindow[],
  dropDb = 1,
): { clean: ProbeMeterWindow[]; dropouts: CaptureDropout[] } {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? -Infinity;
  };
  const rmsDb = windows.map((w): [number, number] => [linearToDb(w.inputRms[0]), linearToDb(w.inputRms[1])]);
  const medians = [0, 1].map((ch) => median(rmsDb.map((r) => r[ch]!)));
  const clean: ProbeMeterWindow[] = [];
  const dropouts: CaptureDropout[] = [];
  windows.forEach((w, i) => {
    const low = [0, 1].some((ch) => medians[ch]! > -80 && rmsDb[i]![ch]! < medians[ch]! - dropDb);
    if (low) dropouts.push({ frame: w.frame, inputRmsDb: rmsDb[i]! });
    else clean.push(w);
  });
  return { clean, dropouts };
}
