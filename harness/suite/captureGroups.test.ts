/** Scenarios grouped by what the fake microphone plays, so a worker's browser serves a group in a row. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenarios/scenario.ts';
import { captureGroups } from './captureGroups.ts';

const scenario = (name: string, source: Scenario['source'], input?: string): Scenario =>
  ({
    name,
    file: `${name}.json`,
    description: name,
    source,
    ...(input ? { input } : {}),
    paths: ['wasm'],
    steps: [],
    tolerances: {},
  }) as unknown as Scenario;

const names = (groups: Scenario[][]) => groups.map((g) => g.map((s) => s.name));

describe('capture groups', () => {
  const scenarios = [
    scenario('tone-a', 'tone'),
    scenario('mic-sine-b', 'mic', 'sine.wav'),
    scenario('file-c', 'file', 'drums.wav'),
    scenario('mic-silence', 'mic'),
    scenario('mic-sine-a', 'mic', 'sine.wav'),
    scenario('mic-sine-c', 'mic', 'sine.wav'),
    scenario('mic-silence-2', 'mic', 'silence-mono.wav'),
  ];

  it('puts scenarios of one capture file together, file and tone sources in the browser without capture', () => {
    expect(names(captureGroups(scenarios, 1))).toEqual([
      ['mic-silence', 'mic-silence-2'],
      ['mic-sine-a', 'mic-sine-b', 'mic-sine-c'],
      ['file-c', 'tone-a'],
    ]);
  });

  it('cuts each group into at most one share per worker, losing and repeating none', () => {
    const groups = captureGroups(scenarios, 2);
    expect(names(groups)).toEqual([
      ['mic-silence'],
      ['mic-silence-2'],
      ['mic-sine-a', 'mic-sine-b'],
      ['mic-sine-c'],
      ['file-c'],
      ['tone-a'],
    ]);
    const oneFile = Array.from({ length: 15 }, (_, i) => scenario(`s${String(i).padStart(2, '0')}`, 'mic', 'in.wav'));
    for (const workers of [1, 2, 3, 4, 16]) {
      const shares = captureGroups(oneFile, workers);
      expect(shares.length).toBe(Math.min(workers, 15));
      expect(shares.flat().map((s) => s.name)).toEqual(oneFile.map((s) => s.name));
    }
  });
});
