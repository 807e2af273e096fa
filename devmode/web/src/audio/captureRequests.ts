/**
 * The probe's raw-audio captures (captureAudio): each request goes to the worklet with an id, and
 * its answer comes back as the worklet's `captured` message, reported from where the recording
 * really started (a request that reached the worklet late starts later).
 */
import type { ProbeAudioCapture } from '../../../../contracts/probe/probeApi.ts';
import { float32ToBase64 } from '../float32Base64.ts';
import type { AudioEngine } from './audioEngine.ts';

interface Captured {
  id: number;
  frame: number;
  first: number;
  input: Float32Array[];
  output: Float32Array[];
}

export class CaptureRequests {
  private lastId = 0;
  private readonly pending = new Map<number, (capture: Captured) => void>();

  /** Asks the worklet for `frames` frames of its input and output from audio-clock `fromFrame`. */
  request(engine: AudioEngine, fromFrame: number, frames: number): Promise<ProbeAudioCapture> {
    const id = ++this.lastId;
    return new Promise<ProbeAudioCapture>((resolve) => {
      this.pending.set(id, (c) => {
        const skip = c.first - c.frame;
        const b64 = (samples: Float32Array) => float32ToBase64(samples.subarray(skip));
        resolve({
          frame: c.first,
          sampleRate: engine.context.sampleRate,
          input: [b64(c.input[0]!), b64(c.input[1]!)],
          output: [b64(c.output[0]!), b64(c.output[1]!)],
        });
      });
      engine.send({ type: 'capture', id, fromFrame, frames });
    });
  }

  /** The worklet's answer to a request. */
  deliver(capture: Captured): void {
    this.pending.get(capture.id)?.(capture);
    this.pending.delete(capture.id);
  }
}
