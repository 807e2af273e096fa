import { describe, expect, it } from 'vitest';
import { findTrigger, isNoSignal } from '../../../../contracts/meters/oscilloscopeFrame.ts';
import { OscilloscopeTap } from './oscilloscopeTap.ts';

const SR = 48000;
function feed(tap: OscilloscopeTap, signal: (n: number) => [number, number], blocks: number) {
  let last = null;
  for (let b = 0; b < blocks; b++) {
    const l = new Float32Array(128);
    const r = new Float32Array(128);
    for (let i = 0; i < 128; i++) [l[i], r[i]] = signal(b * 128 + i);
    last = tap.add(b * 128, l, r, 128) ?? last;
  }
  return last;
}

describe('oscilloscope tap', () => {
  it('cuts 1024 points from a rising zero crossing of the left channel, on the audio clock', () => {
    const tap = new OscilloscopeTap(2400);
    // 1 kHz sine, phase-shifted so no block starts on a crossing; R is L at half level, inverted.
    const frame = feed(
      tap,
      (n) => {
        const x = 0.5 * Math.sin((2 * Math.PI * 1000 * n) / SR + 1);
        return [x, -0.5 * x];
      },
      100,
    )!;
    expect(frame.left).toHaveLength(1024);
    expect(frame.left[0]).toBeGreaterThanOrEqual(0);
    expect(frame.left[0]).toBeLessThan(0.5 * Math.sin((2 * Math.PI * 1000) / SR) + 1e-6);
    expect(frame.left[1]).toBeGreaterThan(frame.left[0]!);
    // The point at frame f is the signal at f: the timestamp is the first point's audio frame.
    expect(frame.left[0]).toBeCloseTo(Math.fround(0.5 * Math.sin((2 * Math.PI * 1000 * frame.frame) / SR + 1)), 6);
    expect(frame.right[10]).toBeCloseTo(-0.5 * frame.left[10]!, 6);
    expect(frame.noSignal).toBe(false);
  });

  it('comes every interval, only once the window is full, and flags silence as no signal', () => {
    const tap = new OscilloscopeTap(2400);
    let frames = 0;
    for (let b = 0; b < 200; b++)
      if (tap.add(b * 128, new Float32Array(128).fill(5e-5), new Float32Array(128), 128)) frames++;
    expect(frames).toBe(Math.floor((200 * 128) / 2400));
    const quiet = feed(new OscilloscopeTap(2400), () => [5e-5, -5e-5], 40)!;
    expect(quiet.noSignal).toBe(true);
    const loud = feed(new OscilloscopeTap(2400), (n) => [n === 4000 ? 2e-4 : 0, 0], 40)!;
    expect(loud.noSignal).toBe(false);
  });

  it('falls back to the latest 1024 samples without a crossing', () => {
    const left = Float32Array.from({ length: 2048 }, (_, i) => i / 2048);
    expect(findTrigger(left)).toBe(1024);
    expect(isNoSignal([0, 9e-5], [-9e-5])).toBe(true);
    expect(isNoSignal([0], [-1e-4])).toBe(false);
  });
});
