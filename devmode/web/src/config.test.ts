import { describe, expect, it } from 'vitest';
import { readPageConfig } from './config.ts';

describe('page configuration', () => {
  it('takes a latency hint as a category or in seconds, and refuses anything else by name', () => {
    expect(readPageConfig('').latencyHint).toBe('interactive');
    expect(readPageConfig('?latencyHint=playback').latencyHint).toBe('playback');
    expect(readPageConfig('?latencyHint=0.002').latencyHint).toBe(0.002);
    expect(() => readPageConfig('?latencyHint=fast')).toThrow(
      '?latencyHint= must be interactive, balanced, playback or seconds in (0, 1], got "fast"',
    );
    expect(() => readPageConfig('?latencyHint=0')).toThrow(/got "0"/);
    expect(() => readPageConfig('?latencyHint=5')).toThrow(/got "5"/);
  });
});
