/**
 * A query vocabulary over a probe trace, in frames, seconds and dBFS: levels over a span,
 * whether a span is silent, when sound first appears.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { foldStatistics, type MeterStage, type PerStatistic } from '../../contracts/meters/meterStatistics.ts';
import { foldMeterWindows } from '../../contracts/meters/meterWindow.ts';
import type { ProbeMeterWindow, ProbeTrace } from '../../contracts/probe/probeApi.ts';

export type Stage = MeterStage;

/** Levels of one stage, one per statistic (contracts/meters/meterStatistics.ts), index 0 = left, 1 = right. */
export type StageLevels = PerStatistic<number>;

export interface LevelReport {
  input: StageLevels;
  output: StageLevels;
  /** The span measured, in audio-clock frames [fromFrame, toFrame). */
  fromFrame: number;
  toFrame: number;
  windows: number;
}

export class MeterTrace {
  readonly sampleRate: number;
  readonly windowFrames: number;

  constructor(readonly trace: ProbeTrace) {
    if (!trace.sampleRate || !trace.windowFrames)
      throw new Error('the probe trace has no sampleRate/windowFrames: is audio running?');
    this.sampleRate = trace.sampleRate;
    this.windowFrames = trace.windowFrames;
  }

  secondsToFrames(seconds: number): number {
    return Math.round(seconds * this.sampleRate);
  }

  /** Windows lying wholly inside [fromFrame, toFrame). */
  windowsIn(fromFrame: number, toFrame: number): ProbeMeterWindow[] {
    return this.trace.windows.filter((w) => w.frame >= fromFrame && w.frame + this.windowFrames <= toFrame);
  }

  /** Peak (maximum) and RMS (power mean) over the windows inside [fromFrame, toFrame). Throws if there are none. */
  levels(fromFrame: number, toFrame: number): LevelReport {
    const windows = this.windowsIn(fromFrame, toFrame);
    if (windows.length === 0) {
      const first = this.trace.windows[0]?.frame;
      const last = this.trace.windows.at(-1)?.frame;
      throw new Error(`no meter windows between frames ${fromFrame} and ${toFrame} (trace covers ${first}..${last})`);
    }
    return this.levelsOf(windows);
  }

  /** Every statistic over the given windows (not necessarily contiguous). */
  levelsOf(windows: readonly ProbeMeterWindow[]): LevelReport {
    if (windows.length === 0) throw new Error('levelsOf: no windows');
    const folded = foldMeterWindows(windows, this.windowFrames);
    return {
      input: foldStatistics({ peak: folded.inputPeak, rms: folded.inputRms }),
      output: foldStatistics({ peak: folded.outputPeak, rms: folded.outputRms }),
      fromFrame: windows[0]!.frame,
      toFrame: windows.at(-1)!.frame + this.windowFrames,
      windows: windows.length,
    };
  }

  /** True when both channels of `stage` stay below `thresholdDb` (peak) over the span. */
  isSilent(stage: Stage, fromFrame: number, toFrame: number, thresholdDb = -100): boolean {
    const report = this.levels(fromFrame, toFrame)[stage];
    return report.peakDb.every((db) => db < thresholdDb);
  }

  /** Frame of the first window whose peak on either channel reaches `thresholdDb`, or null. */
  firstSoundFrame(stage: Stage, thresholdDb = -100): number | null {
    const peakOf = stage === 'input' ? (w: ProbeMeterWindow) => w.inputPeak : (w: ProbeMeterWindow) => w.outputPeak;
    const w = this.trace.windows.find((x) => peakOf(x).some((p) => linearToDb(p) >= thresholdDb));
    return w ? w.frame : null;
  }
}
