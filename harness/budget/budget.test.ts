/** The machine budget: workers from idle cores (WAVECRAFT_WORKERS wins), and test limits that follow the audio. */
import { describe, expect, it } from 'vitest';
import { TAKES_PER_ROUND } from '../goldens/repeatability.ts';
import { chooseWorkers, recording } from './chooseWorkers.ts';
import { extendedTimeout, MAX_TEST_TIMEOUT_MS, TIMEOUT_EXTENSION_MS } from './testTimeout.ts';

describe('workers', () => {
  it('gives each idle core one live audio stream, at least 1 and at most the cores', () => {
    expect(chooseWorkers({ cores: 2, busyShare: 0.02, load1: 0.1 }, {}).workers).toBe(2);
    expect(chooseWorkers({ cores: 4, busyShare: 0.02, load1: 0.1 }, {}).workers).toBe(4);
    expect(chooseWorkers({ cores: 2, busyShare: 0.6, load1: 9 }, {}).workers).toBe(1);
    expect(chooseWorkers({ cores: 2, busyShare: 1, load1: 20 }, {}).workers).toBe(1);
    expect(chooseWorkers({ cores: 1, busyShare: 0, load1: 0 }, {}).workers).toBe(1);
    expect(chooseWorkers({ cores: 8, busyShare: 0.25, load1: 2 }, {}).workers).toBe(6);
  });

  it("gives record's takes a core each: one worker on 2 idle cores", () => {
    expect(chooseWorkers({ cores: 2, busyShare: 0.02, load1: 0.1 }, {}, TAKES_PER_ROUND).workers).toBe(1);
    expect(chooseWorkers({ cores: 8, busyShare: 0.02, load1: 0.1 }, {}, TAKES_PER_ROUND).workers).toBe(3);
    expect(recording(['node', 'playwright', 'test', '--update-snapshots=changed'])).toBe(true);
    expect(recording(['node', 'playwright', 'test', '--update-snapshots', 'all'])).toBe(true);
    expect(recording(['node', 'playwright', 'test', '-u'])).toBe(true);
    expect(recording(['node', 'playwright', 'test', '--update-snapshots=none'])).toBe(false);
    expect(recording(['node', 'playwright', 'test', '--grep', 'x'])).toBe(false);
  });

  it('says why, and falls back on the load average where the CPU cannot be read', () => {
    expect(chooseWorkers({ cores: 2, busyShare: 0.6, load1: 9 }, {}).reason).toBe(
      '2 core(s) for this run, 60% of the CPU busy at start (0.8 idle): one live audio stream per idle core, one per test; WAVECRAFT_WORKERS overrides',
    );
    expect(chooseWorkers({ cores: 4, busyShare: null, load1: 3 }, {})).toMatchObject({
      workers: 1,
      reason: expect.stringContaining('load average 3.0'),
    });
  });

  it('lets WAVECRAFT_WORKERS win, and refuses a bad one by name', () => {
    expect(chooseWorkers({ cores: 2, busyShare: 1, load1: 20 }, { WAVECRAFT_WORKERS: '3' })).toEqual({
      workers: 3,
      reason: 'WAVECRAFT_WORKERS=3',
    });
    expect(() => chooseWorkers({ cores: 2, busyShare: 0, load1: 0 }, { WAVECRAFT_WORKERS: 'two' })).toThrow(
      /WAVECRAFT_WORKERS must be a whole number of at least 1, got "two"/,
    );
  });
});

describe('test limits', () => {
  it('extend while the audio moves and little time is left, never beyond the cap, never for a stopped clock', () => {
    expect(extendedTimeout(90_000, 70_000, true)).toBe(90_000 + TIMEOUT_EXTENSION_MS);
    expect(extendedTimeout(90_000, 10_000, true)).toBe(90_000);
    expect(extendedTimeout(90_000, 70_000, false)).toBe(90_000);
    expect(extendedTimeout(MAX_TEST_TIMEOUT_MS, MAX_TEST_TIMEOUT_MS - 1000, true)).toBe(MAX_TEST_TIMEOUT_MS);
  });
});
