import { describe, expect, it } from 'vitest';
import { whiteNoise } from '../signals/signals.ts';
import { findLoopOffset } from './loopAlignment.ts';

describe('findLoopOffset', () => {
  const fixture = whiteNoise(20000, -20, 7);

  it('finds where a capture starts in the fixture', () => {
    const captured = fixture.slice(12345, 12345 + 3000);
    expect(findLoopOffset(captured, fixture)).toEqual({ offset: 12345, correlation: expect.closeTo(1, 9) });
  });

  it('follows the loop across the seam', () => {
    const captured = Float32Array.from({ length: 3000 }, (_, i) => fixture[(18500 + i) % fixture.length]!);
    expect(findLoopOffset(captured, fixture).offset).toBe(18500);
  });

  it('still finds it under a gain change and noise', () => {
    const other = whiteNoise(3000, -60, 99);
    const captured = Float32Array.from({ length: 3000 }, (_, i) => 0.5 * fixture[4000 + i]! + other[i]!);
    const found = findLoopOffset(captured, fixture);
    expect(found.offset).toBe(4000);
    expect(found.correlation).toBeGreaterThan(0.99);
  });
});
