import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LinearRamp } from './linearRamp.ts';
import { GAIN_RAMP_SECONDS, MOCK_PARAMETER_RANGES, MockDsp } from './mockDsp.ts';

function render(dsp: MockDsp, input: Float32Array): Float32Array {
  const out = new Float32Array(input.length);
  const right = new Float32Array(input.length);
  dsp.process(input, input, out, right, input.length);
  expect(Array.from(right)).toEqual(Array.from(out));
  return out;
}

describe('LinearRamp', () => {
  it('reaches the target in exactly rampFrames frames, linearly', () => {
    const ramp = new LinearRamp(1, 4);
    ramp.setTarget(0);
    expect([ramp.next(), ramp.next(), ramp.next(), ramp.next(), ramp.next()]).toEqual([0.75, 0.5, 0.25, 0, 0]);
    expect(ramp.isRamping).toBe(false);
  });

  it('starts a new ramp from where it is when retargeted mid-ramp', () => {
    const ramp = new LinearRamp(0, 4);
    ramp.setTarget(1);
    ramp.next();
    ramp.next(); // 0.5
    ramp.setTarget(0);
    expect(ramp.next()).toBeCloseTo(0.375, 12);
  });

  it('rejects a non-positive length', () => {
    expect(() => new LinearRamp(0, 0)).toThrow(RangeError);
  });
});

describe('MockDsp', () => {
  it('applies the input trim and output gain levels as linear factors', () => {
    const dsp = new MockDsp(48000);
    dsp.setParameter('input_trim_level', 0.5);
    dsp.setParameter('output_gain_level', 0.2);
    dsp.reset(); // settle the ramps
    const out = render(dsp, new Float32Array(16).fill(0.5));
    expect(out[15]).toBe(Math.fround(0.5 * 0.5 * 0.2));
  });

  it('bypasses each gain processor on its own', () => {
    const dsp = new MockDsp(48000);
    dsp.setParameter('input_trim_level', 0.5);
    dsp.setParameter('output_gain_level', 2);
    dsp.reset();
    dsp.setParameter('input_trim_bypass', 1);
    expect(render(dsp, new Float32Array(2).fill(0.25))[1]).toBe(0.5);
    dsp.setParameter('input_trim_bypass', 0);
    dsp.setParameter('output_gain_bypass', 1);
    expect(render(dsp, new Float32Array(2).fill(0.25))[1]).toBe(0.125);
  });

  it('ramps a gain change linearly over 10 ms (480 frames at 48 kHz)', () => {
    const dsp = new MockDsp(48000);
    dsp.setParameter('input_trim_level', 0.1);
    const out = render(dsp, new Float32Array(1000).fill(1));
    const rampFrames = Math.round(GAIN_RAMP_SECONDS * 48000);
    expect(rampFrames).toBe(480);
    expect(out[0]).toBeCloseTo(1 + (0.1 - 1) / 480, 6);
    expect(out[239]).toBeCloseTo(1 + ((0.1 - 1) * 240) / 480, 6);
    expect(out[479]).toBeCloseTo(0.1, 6);
    expect(out[999]).toBeCloseTo(0.1, 6);
    // strictly decreasing during the ramp, flat after it
    for (let i = 1; i < 480; i++) expect(out[i]!).toBeLessThan(out[i - 1]!);
  });

  it('passes input through unchanged when both processors are bypassed, whatever the levels', () => {
    const dsp = new MockDsp(48000);
    dsp.setParameter('input_trim_level', 2);
    dsp.setParameter('output_gain_level', 0);
    dsp.setParameter('input_trim_bypass', 1);
    dsp.setParameter('output_gain_bypass', 1);
    const input = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i));
    expect(Array.from(render(dsp, input))).toEqual(Array.from(input));
  });

  it('ignores parameters it does not implement', () => {
    const dsp = new MockDsp(48000);
    dsp.setParameter('tone_filter_cutoff_hz', 100);
    dsp.setParameter('tone_filter_bypass', 0);
    expect(Array.from(render(dsp, new Float32Array(4).fill(0.25)))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('implements a subset of the reference parameters with their ranges and defaults; clamps, and refuses non-finite values', () => {
    const reference = JSON.parse(readFileSync(new URL('../reference/parameters.json', import.meta.url), 'utf8')) as {
      id: string;
      min: number;
      max: number;
      default: number;
    }[];
    for (const [id, range] of Object.entries(MOCK_PARAMETER_RANGES)) {
      const def = reference.find((d) => d.id === id);
      expect(def, id).toBeDefined();
      expect(range).toEqual({ min: def!.min, max: def!.max, default: def!.default });
    }
    const dsp = new MockDsp(48000);
    dsp.setParameter('input_trim_level', 100);
    expect(dsp.getParameter('input_trim_level')).toBe(2);
    dsp.setParameter('input_trim_level', NaN);
    expect(dsp.getParameter('input_trim_level')).toBe(2);
    expect(dsp.getParameter('soft_clip_drive_db')).toBeNaN();
  });
});
