/**
 * A small oscilloscope: the latest 1024-point frame of the output, left in green and right in
 * orange, on a canvas; "no signal" when the frame is silent. The frame's first audio-clock frame
 * is on the canvas as `data-frame`, and `data-no-signal` says whether it was silent.
 */
import type { TapFrame } from '../worklet/oscilloscopeTap.ts';

export class OscilloscopeDisplay {
  private readonly canvas: HTMLCanvasElement;
  private pending: TapFrame | null = null;

  constructor(container: HTMLElement) {
    container.innerHTML = '<h2>Oscilloscope</h2>';
    this.canvas = document.createElement('canvas');
    this.canvas.width = 512;
    this.canvas.height = 96;
    this.canvas.dataset['testid'] = 'oscilloscope';
    container.append(this.canvas);
  }

  /** Keeps the frame to draw at the next UI tick. */
  set(frame: TapFrame): void {
    this.pending = frame;
  }

  /** Draws the pending frame, if any. */
  draw(): void {
    const frame = this.pending;
    if (!frame) return;
    this.pending = null;
    const g = this.canvas.getContext('2d');
    this.canvas.dataset['frame'] = String(frame.frame);
    this.canvas.dataset['noSignal'] = String(frame.noSignal);
    if (!g) return;
    const { width, height } = this.canvas;
    g.clearRect(0, 0, width, height);
    g.strokeStyle = '#3a3f4b';
    g.beginPath();
    g.moveTo(0, height / 2);
    g.lineTo(width, height / 2);
    g.stroke();
    if (frame.noSignal) {
      g.fillStyle = '#8a8f9b';
      g.fillText('no signal', 8, 14);
      return;
    }
    for (const [points, colour] of [
      [frame.right, '#e0a040'],
      [frame.left, '#6fd08c'],
    ] as const) {
      g.strokeStyle = colour;
      g.beginPath();
      for (let i = 0; i < points.length; i++) {
        const x = (i / (points.length - 1)) * width;
        const y = height / 2 - Math.max(-1, Math.min(1, points[i]!)) * (height / 2 - 2);
        if (i === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      g.stroke();
    }
  }
}
