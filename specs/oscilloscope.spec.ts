/**
 * getOscilloscopeFrame, as Wavecraft's UI reads it, from an independent WebSocket client (the
 * harness's, which checks every answer against the schema), on both DSP paths: the frame's
 * period matches the fixture's frequency, its amplitude the expected output level, it starts
 * at a rising zero crossing, L and R are distinct on the stereo fixture, and silence is
 * `no_signal`. Each check waits for a frame cut after the parameter change settled.
 */
import type { OscilloscopeFrame } from '../contracts/ipc/messages.ts';
import { linearToDb } from '../contracts/meters/decibels.ts';
import type { DevModePage } from '../harness/page/devModePage.ts';
import type { DevServerClient } from '../harness/rpc/devServerClient.ts';
import { applyParameterStep } from '../harness/steps/parameterStep.ts';
import { expect, test } from '../harness/test.ts';

const LEVEL_TOLERANCE_DB = 0.1;

/** A frame whose first point is at or after `fromFrame` (the audio clock), polled at Wavecraft's ~20 Hz. */
async function frameFrom(rpc: DevServerClient, fromFrame: number): Promise<OscilloscopeFrame> {
  let frame: OscilloscopeFrame | null = null;
  await expect
    .poll(
      async () => {
        frame = (await rpc.call('getOscilloscopeFrame')).frame;
        return frame !== null && frame.timestamp >= fromFrame;
      },
      { intervals: [50] },
    )
    .toBe(true);
  return frame!;
}

/** A frame cut after `values` took effect and the output settled (0.1 s later). */
async function settledFrame(
  rpc: DevServerClient,
  page: DevModePage,
  values: Record<string, number>,
): Promise<OscilloscopeFrame> {
  const step = await applyParameterStep(rpc, page, values);
  return frameFrom(rpc, step.effectiveFrame + 4800);
}

/** Rising zero crossings, linearly interpolated, in points. */
function risingCrossings(points: readonly number[]): number[] {
  const found: number[] = [];
  for (let i = 1; i < points.length; i++)
    if (points[i - 1]! < 0 && points[i]! >= 0) found.push(i - 1 + -points[i - 1]! / (points[i]! - points[i - 1]!));
  return found;
}

const peakDb = (points: readonly number[]) => linearToDb(Math.max(...points.map(Math.abs)));

test.describe('a 1 kHz sine at -6 dBFS', () => {
  test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

  test('gives a 1 kHz trace at the output level, triggered on a rising zero crossing', async ({ devModePage, rpc }) => {
    await devModePage.startTrace();
    const frame = await settledFrame(rpc, devModePage, { output_gain_level: 0.5 });
    expect(frame.points_l).toHaveLength(1024);
    expect(frame.sample_rate).toBe(48000);
    expect(frame.no_signal).toBe(false);
    expect(frame.trigger_mode).toBe('risingZeroCrossing');
    // Period from the crossings: 1 kHz at 48 kHz is 48 points.
    const crossings = risingCrossings(frame.points_l);
    const period = (crossings.at(-1)! - crossings[0]!) / (crossings.length - 1);
    expect(48000 / period).toBeCloseTo(1000, 0);
    // Amplitude: -6 dBFS in, output_gain_level 0.5 (-6.02 dB; sampled peaks of a 48-point sine sit ≤ 0.02 dB low).
    expect(Math.abs(peakDb(frame.points_l) - (-6 + linearToDb(0.5)))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
    // It starts at the crossing: the first point is the first non-negative one, rising.
    expect(frame.points_l[0]).toBeGreaterThanOrEqual(0);
    expect(frame.points_l[0]).toBeLessThan(10 ** (-6 / 20) * 0.5 * Math.sin((2 * Math.PI) / 48) + 1e-6);
    expect(frame.points_l[1]).toBeGreaterThan(frame.points_l[0]!);
    expect(rpc.protocolErrors).toEqual([]);
    // The page draws the same frames on its own small oscilloscope.
    const canvas = devModePage.page.getByTestId('oscilloscope');
    await expect(canvas).toHaveAttribute('data-no-signal', 'false');
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-frame')))
      .toBeGreaterThanOrEqual(frame.timestamp);
  });
});

test.describe('a stereo sine, L -6 / R -12 dBFS', () => {
  test.use({ inputWav: 'sine-1k-lm6-rm12dbfs-stereo.wav' });

  test('gives distinct L and R traces, 6 dB apart', async ({ devModePage, rpc }) => {
    await devModePage.startTrace();
    const frame = await settledFrame(rpc, devModePage, { input_trim_level: 0.7 });
    expect(frame.points_r).not.toEqual(frame.points_l);
    expect(Math.abs(peakDb(frame.points_l) - (-6 + linearToDb(0.7)))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
    expect(Math.abs(peakDb(frame.points_r) - (-12 + linearToDb(0.7)))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
  });
});

test.describe('digital silence', () => {
  test.use({ inputWav: 'silence-mono.wav' });

  test('gives no_signal', async ({ devModePage, rpc }) => {
    await devModePage.startTrace();
    const frame = await settledFrame(rpc, devModePage, { input_trim_level: 2 });
    expect(frame.no_signal).toBe(true);
    expect(Math.max(...frame.points_l.map(Math.abs), ...frame.points_r.map(Math.abs))).toBeLessThan(1e-4);
    await expect(devModePage.page.getByTestId('oscilloscope')).toHaveAttribute('data-no-signal', 'true');
    expect(rpc.protocolErrors).toEqual([]);
  });
});
