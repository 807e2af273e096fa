/**
 * One scenario step: set parameters over the dev server, wait for the DSP to apply them on the
 * audio clock, then measure the settled levels after the ramp.
 */
import type { ProbeMeterWindow, ProbeParamEvent } from '../../contracts/probe/probeApi.ts';
import { findSettled, REFERENCE_SHARE } from '../analysis/settleDetection.ts';
import {
  splitCaptureDropouts,
  splitMedianDropouts,
  type CaptureDropout,
  type ExpectedInput,
} from '../analysis/captureDropouts.ts';
import { MeterTrace, type LevelReport } from '../analysis/meterTrace.ts';
import type { DevModePage } from '../page/devModePage.ts';
import type { DevServerClient } from '../rpc/devServerClient.ts';

export interface AppliedStep {
  values: Record<string, number>;
  events: ProbeParamEvent[];
  /** First audio-clock frame at which every value of the step is in effect. */
  effectiveFrame: number;
  /** Per parameter: wall-clock ms from sending setParameter to the worklet processing the change's first frame. */
  latencyMs: Record<string, number>;
}

export interface SettleOptions {
  /** Time after the change before measuring (covers the DSP's ramp). Default 0.02 s. */
  settleSeconds?: number;
  /** Length of the measured span. Default 0.2 s. */
  spanSeconds?: number;
  /**
   * How to spot capture dropouts: the input the fixture should deliver, or 'median' (a window
   * well below the span's median input). Dropout windows are skipped and the span extends on the
   * audio clock to make up for them, by at most `maxExtraSeconds`. Default: no guard.
   */
  expectedInput?: ExpectedInput | 'median';
  /** Default 1 s. */
  maxExtraSeconds?: number;
  /**
   * Find where the output settles from the windows (settleDetection.ts) and measure from there:
   * the scenario's level tolerance, dB. Without it the span starts at `settleSeconds`.
   */
  detectSettleDb?: number;
}

/** The output may still have been moving when the step's span ran out: said with a failure of the step. */
export interface Unsettled {
  /** "not settled after 0.40 s: its RMS still moved until 0.35 s, by up to 2.31 dB …" */
  note: string;
}

/**
 * The part of `windows` (consecutive after the settle time) measured: from where a transient ended
 * (settleDetection.ts), or all of them, with a note when the output may not have settled.
 */
export function settledPart(
  windows: ProbeMeterWindow[],
  toleranceDb: number | undefined,
  effectiveFrame: number,
  sampleRate: number,
  windowFrames: number,
): { windows: ProbeMeterWindow[]; unsettled: Unsettled | null } {
  if (toleranceDb === undefined || windows.length === 0) return { windows, unsettled: null };
  const found = findSettled(windows, toleranceDb);
  if (found.settled) return { windows: windows.slice(found.settledIndex), unsettled: null };
  const at = (index: number) =>
    ((windows[Math.min(index, windows.length - 1)]!.frame + windowFrames - effectiveFrame) / sampleRate).toFixed(2);
  return {
    windows,
    unsettled: {
      note: `not settled after ${at(windows.length - 1)} s? its RMS still moved until ${at(found.movingUntilIndex - 1)} s, by up to ${found.movedDb.toFixed(2)} dB outside the range its last ${Math.round(REFERENCE_SHARE * 100)}% keeps (±${found.bandDb.toFixed(2)} dB): a level measured over it depends on when the step started; lengthen the step's holdSeconds (or raise settleSeconds)`,
    },
  };
}

export interface SettledMeasurement {
  trace: MeterTrace;
  levels: LevelReport;
  /** Set when the output may still have been moving at the end of the span. */
  unsettled: Unsettled | null;
  /** Windows skipped because the captured input deviated from `expectedInput`. */
  dropouts: CaptureDropout[];
}

/** Sends every value of the step over the dev server, then waits for the DSP to apply them all. */
export async function applyParameterStep(
  rpc: DevServerClient,
  page: DevModePage,
  values: Record<string, number>,
): Promise<AppliedStep> {
  return (await applyParameterStepOn(rpc, [page], values))[0]!;
}

/**
 * Sends every value of the step once over the dev server, then waits for each page's DSP to apply
 * them all (pages playing takes of one scenario at once each hear the same change).
 */
export async function applyParameterStepOn(
  rpc: DevServerClient,
  pages: readonly DevModePage[],
  values: Record<string, number>,
): Promise<AppliedStep[]> {
  const fromEvents = await Promise.all(
    pages.map(async (page) => (await page.readTrace(Number.MAX_SAFE_INTEGER)).paramEvents.length),
  );
  const sentAt: Record<string, number> = {};
  for (const [id, value] of Object.entries(values)) {
    sentAt[id] = Date.now(); // the same clock the worklet stamps with
    await rpc.call('setParameter', { id, value });
  }
  return Promise.all(
    pages.map(async (page, i) => {
      const events = await page.waitForParamEvents(values, fromEvents[i]!);
      const latencyMs = Object.fromEntries(events.map((e) => [e.id, e.appliedAtEpochMs - sentAt[e.id]!]));
      return { values, events, effectiveFrame: Math.max(...events.map((e) => e.frame)), latencyMs };
    }),
  );
}

/**
 * Waits on the audio clock until the settled span after `step` is metered, then measures it:
 * peak and RMS over `spanSeconds` of windows, starting `settleSeconds` after the change.
 */
export async function measureSettled(
  page: DevModePage,
  step: Pick<AppliedStep, 'effectiveFrame'>,
  options: SettleOptions = {},
): Promise<SettledMeasurement> {
  const status = await page.status();
  if (!status.sampleRate || !status.windowFrames)
    throw new Error('cannot measure: the page reports no sample rate (audio not running)');
  const W = status.windowFrames;
  const settleFrames = Math.round((options.settleSeconds ?? 0.02) * status.sampleRate);
  const from = step.effectiveFrame + settleFrames;
  const spanWindows = Math.max(1, Math.round(((options.spanSeconds ?? 0.2) * status.sampleRate) / W));
  let until = from + spanWindows * W;
  const limit = until + Math.round((options.maxExtraSeconds ?? 1) * status.sampleRate);
  for (;;) {
    await page.waitForFrame(until);
    const trace = new MeterTrace(await page.readTrace());
    const windows = trace.windowsIn(from, until);
    if (!options.expectedInput) {
      const part = settledPart(windows, options.detectSettleDb, step.effectiveFrame, status.sampleRate, W);
      return { trace, levels: trace.levelsOf(part.windows), dropouts: [], unsettled: part.unsettled };
    }
    const guard = options.expectedInput;
    // A dropout is a transient like a parameter change: the DSP's memory (filters, ramps) carries
    // it on after the dropped window, for as long as it takes to settle. Windows that soon after a
    // dropout (one settle time, the scenario's own measure of its transients) are not judged either.
    const split = (ws: typeof windows) =>
      guard === 'median' ? splitMedianDropouts(ws) : splitCaptureDropouts(ws, guard);
    const { dropouts } = split(trace.windowsIn(Math.max(0, from - settleFrames), until));
    const recovering = (frame: number) => dropouts.some((d) => d.frame <= frame && frame < d.frame + W + settleFrames);
    const clean = windows.filter((w) => !recovering(w.frame));
    if (clean.length >= spanWindows) {
      const part = settledPart(
        clean.slice(0, spanWindows),
        options.detectSettleDb,
        step.effectiveFrame,
        status.sampleRate,
        W,
      );
      const last = part.windows.at(-1)!.frame;
      const skipped = dropouts.filter((d) => d.frame >= from && d.frame < last);
      page.onCaptureDropouts(skipped.length);
      return { trace, levels: trace.levelsOf(part.windows), dropouts: skipped, unsettled: part.unsettled };
    }
    if (until >= limit) {
      page.onCaptureDropouts(dropouts.length);
      const sample = dropouts
        .slice(0, 5)
        .map((d) => `frame ${d.frame}: ${d.inputRmsDb.map((x) => x.toFixed(2)).join('/')} dBFS`);
      const expected =
        guard === 'median'
          ? "the span's median input RMS (by more than 1 dB)"
          : `the expected input RMS ${guard.rmsDb.map((x) => x.toFixed(2)).join('/')} dBFS (±${guard.toleranceDb ?? 0.1} dB)`;
      throw new Error(
        `the captured input does not match the fixture: ${dropouts.length} of ${windows.length} windows from frame ${from} deviate from ${expected}, e.g. ${sample.join('; ')}`,
      );
    }
    until += (spanWindows - clean.length) * W;
  }
}
