import { describe, expect, it } from 'vitest';
import { MeterWindowAccumulator, type MeterWindow } from '../../devmode/web/src/worklet/meterWindows.ts';
import type { AudioCapture } from './devModePage.ts';
import { meterDisagreement } from './assertMeterMatchesSamples.ts';

const W = 480;
function capture(frames: number): AudioCapture {
  const sine = Float32Array.from({ length: frames }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 48000));
  const half = sine.map((x) => x / 2);
  return { frame: 9600, sampleRate: 48000, input: [sine, sine], output: [half, half] };
}
function meter(c: AudioCapture): MeterWindow[] {
  const windows: MeterWindow[] = [];
  new MeterWindowAccumulator(W).add(c.frame, c.input[0].length, c.input[0], c.input[1], c.output[0], c.output[1], (w) =>
    windows.push(w),
  );
  return windows;
}

describe('the meter against the samples it measured', () => {
  it("agrees for the worklet's own meter windows", () => {
    const c = capture(4 * W);
    expect(meter(c)).toHaveLength(4);
    expect(meterDisagreement(c, meter(c), W)).toBeNull();
  });

  it('names a wrong RMS law as the meter being wrong, not the capture', () => {
    const c = capture(4 * W);
    const wrong = meter(c).map((w) => ({ ...w, inputRms: [w.inputRms[0] * 1.01, w.inputRms[1]] as [number, number] }));
    expect(meterDisagreement(c, wrong, W)).toBe(
      "the page's meter is wrong: the window at frame 9600 reads input RMS L -8.94 dBFS, but the raw samples it measured give -9.03 dBFS (Δ 0.09 dB). The capture is not to blame: the meter disagrees with its own input",
    );
  });
});
