/**
 * Before any spec relies on the page's meter, checks it against the very samples it measured:
 * a stretch of raw input and output captured in the worklet (probe captureAudio) is folded into
 * windows here and compared with the meter windows of the same frames. A wrong peak or RMS law,
 * or meters fed from the wrong node, then fail as "the page's meter is wrong" rather than as
 * capture dropouts or DSP level mismatches.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import type { MeterWindow } from '../../contracts/meters/meterWindow.ts';
import { MeterTrace } from '../analysis/meterTrace.ts';
import type { AudioCapture, DevModePage } from './devModePage.ts';

/** Meter and raw samples agree to float rounding; anything beyond this is a meter fault. */
const TOLERANCE_DB = 0.01;

function windowFromSamples(capture: AudioCapture, from: number, frames: number): MeterWindow {
  const stat = (s: Float32Array) => {
    let peak = 0;
    let sum = 0;
    for (let i = from; i < from + frames; i++) {
      const x = s[i]!;
      peak = Math.max(peak, Math.abs(x));
      sum += x * x;
    }
    return { peak, rms: Math.sqrt(sum / frames) };
  };
  const [il, ir, ol, or] = [...capture.input, ...capture.output].map(stat) as [
    ReturnType<typeof stat>,
    ReturnType<typeof stat>,
    ReturnType<typeof stat>,
    ReturnType<typeof stat>,
  ];
  return {
    frame: capture.frame + from,
    inputPeak: [il.peak, ir.peak],
    inputRms: [il.rms, ir.rms],
    outputPeak: [ol.peak, or.peak],
    outputRms: [ol.rms, or.rms],
  };
}

/** The first disagreement between meter windows and the samples, or null. Windows must lie inside the capture. */
export function meterDisagreement(
  capture: AudioCapture,
  windows: readonly MeterWindow[],
  windowFrames: number,
): string | null {
  for (const w of windows) {
    const offset = w.frame - capture.frame;
    if (offset < 0 || offset + windowFrames > capture.input[0].length) continue;
    const raw = windowFromSamples(capture, offset, windowFrames);
    for (const key of ['inputPeak', 'inputRms', 'outputPeak', 'outputRms'] as const) {
      for (const ch of [0, 1] as const) {
        const meterDb = linearToDb(w[key][ch]);
        const rawDb = linearToDb(raw[key][ch]);
        const bothSilent = meterDb < -140 && rawDb < -140;
        if (!bothSilent && !(Math.abs(meterDb - rawDb) <= TOLERANCE_DB)) {
          const name = `${key.startsWith('input') ? 'input' : 'output'} ${key.endsWith('Peak') ? 'peak' : 'RMS'} ${ch ? 'R' : 'L'}`;
          return `the page's meter is wrong: the window at frame ${w.frame} reads ${name} ${meterDb.toFixed(2)} dBFS, but the raw samples it measured give ${rawDb.toFixed(2)} dBFS (Δ ${(meterDb - rawDb).toFixed(2)} dB). The capture is not to blame: the meter disagrees with its own input`;
        }
      }
    }
  }
  return null;
}

/**
 * Captures `seconds` of raw audio from the page and checks the meter windows over it. Skipped when the probe has no
 * captureAudio.
 */
export async function assertMeterMatchesSamples(page: DevModePage, seconds = 0.1): Promise<void> {
  const status = await page.status();
  if (!status.sampleRate || !status.windowFrames) return;
  const supported = await page.hasCaptureAudio();
  if (!supported) return;
  const W = status.windowFrames;
  // Ask ~30 ms ahead (a message reaches the worklet in a few ms); a late one is reported from where it really started.
  const from = (Math.floor(status.latestFrame / W) + Math.ceil((0.03 * status.sampleRate) / W)) * W;
  const frames = Math.ceil((seconds * status.sampleRate) / W) * W;
  const capture = await page.captureAudio(from, frames);
  const end = capture.frame + capture.input[0].length;
  await page.waitForFrame(end);
  const trace = new MeterTrace(await page.readTrace());
  const windows = trace.windowsIn(capture.frame, end);
  if (windows.length === 0) return; // the request arrived too late to cover a whole window: nothing to compare
  const problem = meterDisagreement(capture, windows, W);
  if (problem) throw new Error(problem);
}
