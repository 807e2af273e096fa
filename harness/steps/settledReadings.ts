/**
 * The page's two other views of the meters — its display and the meterUpdate relay — read at
 * spans whose captured input was clean, so they can be held to the same analytic levels.
 */
import { foldStatistics } from '../../contracts/meters/meterStatistics.ts';
import { splitCaptureDropouts, type ExpectedInput } from '../analysis/captureDropouts.ts';
import { MeterTrace, type StageLevels } from '../analysis/meterTrace.ts';
import type { DevModePage, MeterDisplayReading } from '../page/devModePage.ts';
import type { DevServerClient, ReceivedMeterUpdate } from '../rpc/devServerClient.ts';

export interface SpanReading {
  fromFrame: number;
  toFrame: number;
  output: StageLevels;
}

function isClean(trace: MeterTrace, fromFrame: number, toFrame: number, expected: ExpectedInput | undefined): boolean {
  const windows = trace.windowsIn(fromFrame, toFrame);
  if (windows.length === 0) return false;
  return !expected || splitCaptureDropouts(windows, expected).dropouts.length === 0;
}

/**
 * meterUpdate notifications that start inside [fromFrame, toFrame), each with the span it covers
 * (up to the next update's start), keeping only those over clean input.
 */
export function relayedReadings(
  updates: readonly ReceivedMeterUpdate[],
  trace: MeterTrace,
  fromFrame: number,
  toFrame: number,
  expected?: ExpectedInput,
): SpanReading[] {
  const toFrameOf = (u: ReceivedMeterUpdate) => Math.round((u.timestamp_us / 1e6) * trace.sampleRate);
  const sorted = [...updates].sort((a, b) => a.timestamp_us - b.timestamp_us);
  const readings: SpanReading[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = toFrameOf(sorted[i]!);
    const end = toFrameOf(sorted[i + 1]!);
    if (start < fromFrame || end > toFrame || !isClean(trace, start, end, expected)) continue;
    const u = sorted[i]!;
    readings.push({
      fromFrame: start,
      toFrame: end,
      output: foldStatistics({ peak: [u.left_peak, u.right_peak], rms: [u.left_rms, u.right_rms] }),
    });
  }
  return readings;
}

/**
 * Waits for relayed meter updates from `fromFrame` on until `count` of them cover clean input
 * (or `maxWaitMs` passes), then returns those readings. Updates are read from index `fromIndex`.
 */
export async function collectRelayedReadings(
  rpc: DevServerClient,
  page: DevModePage,
  fromIndex: number,
  fromFrame: number,
  expected: ExpectedInput | undefined,
  count: number,
  maxWaitMs = 3000,
): Promise<SpanReading[]> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const trace = new MeterTrace(await page.readTrace());
    const end = (trace.trace.windows.at(-1)?.frame ?? 0) + trace.windowFrames;
    const readings = relayedReadings(rpc.meterUpdates.slice(fromIndex), trace, fromFrame, end, expected);
    if (readings.length >= count || Date.now() >= deadline) return readings;
    const lastUs = rpc.meterUpdates.at(-1)?.timestamp_us ?? 0;
    await rpc.waitForMeterUpdateAt(lastUs + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

/**
 * Reads the meter display at the first reading from `fromFrame` on whose input was clean: every
 * row is judged on its own span (all rows are read in one evaluation, so they share an update).
 */
export async function readDisplayOnCleanInput(
  page: DevModePage,
  fromFrame: number,
  expected?: ExpectedInput,
  maxReadings = 20,
): Promise<MeterDisplayReading> {
  let next = fromFrame;
  for (let attempt = 0; attempt < maxReadings; attempt++) {
    await page.waitForDisplayFrom(next);
    const display = await page.readMeterDisplay();
    const rows = [...display.output, ...display.input];
    const end = Math.max(...rows.map((r) => r.frame + r.frames));
    await page.waitForFrame(end);
    const trace = new MeterTrace(await page.readTrace());
    if (rows.every((r) => r.frame >= fromFrame && isClean(trace, r.frame, r.frame + r.frames, expected)))
      return display;
    next = Math.max(...rows.map((r) => r.frame)) + 1; // a row covered a capture dropout; take the next reading
  }
  throw new Error(
    `the meter display showed no reading over clean input in ${maxReadings} readings from frame ${fromFrame}`,
  );
}
