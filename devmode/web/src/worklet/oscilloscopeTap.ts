/**
 * The worklet's oscilloscope tap: keeps the last 2 × 1024 frames of the post-DSP output in two
 * preallocated rings, and every `intervalFrames` cuts a 1024-point frame that starts at a rising
 * zero crossing of the left channel (contracts/meters/oscilloscopeFrame.ts). Writing costs a copy
 * per quantum; the frame (trigger search and copy out) is made 20 times a second.
 */
import { findTrigger, isNoSignal, OSCILLOSCOPE_POINTS } from '../../../../contracts/meters/oscilloscopeFrame.ts';

const WINDOW = 2 * OSCILLOSCOPE_POINTS;

export interface TapFrame {
  /** Audio-clock frame of the first point. */
  frame: number;
  left: Float32Array;
  right: Float32Array;
  noSignal: boolean;
}

export class OscilloscopeTap {
  private readonly ringL = new Float32Array(WINDOW);
  private readonly ringR = new Float32Array(WINDOW);
  private readonly linearL = new Float32Array(WINDOW);
  private written = 0;
  /** Audio-clock frame after the last sample written. */
  private endFrame = 0;
  private sinceFrame = 0;

  constructor(private readonly intervalFrames: number) {}

  /** Adds a block; returns a frame when one is due and the rings are full. */
  add(startFrame: number, left: Float32Array, right: Float32Array, frames: number): TapFrame | null {
    let at = this.written % WINDOW;
    for (let i = 0; i < frames; i++) {
      this.ringL[at] = left[i]!;
      this.ringR[at] = right[i]!;
      at = at + 1 === WINDOW ? 0 : at + 1;
    }
    this.written += frames;
    this.endFrame = startFrame + frames;
    this.sinceFrame += frames;
    if (this.sinceFrame < this.intervalFrames || this.written < WINDOW) return null;
    this.sinceFrame = 0;
    return this.frame();
  }

  private frame(): TapFrame {
    // The window oldest first: it begins where the next write goes.
    const oldest = this.written % WINDOW;
    this.linearL.set(this.ringL.subarray(oldest));
    this.linearL.set(this.ringL.subarray(0, oldest), WINDOW - oldest);
    const start = findTrigger(this.linearL);
    const left = this.linearL.slice(start, start + OSCILLOSCOPE_POINTS);
    const right = new Float32Array(OSCILLOSCOPE_POINTS);
    for (let i = 0; i < OSCILLOSCOPE_POINTS; i++) right[i] = this.ringR[(oldest + start + i) % WINDOW]!;
    return { frame: this.endFrame - WINDOW + start, left, right, noSignal: isNoSignal(left, right) };
  }
}
