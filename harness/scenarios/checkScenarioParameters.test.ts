import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { assertScenariosFitDsp, scenarioParameterProblems } from './checkScenarioParameters.ts';
import { SCENARIO_DEFAULTS, type Scenario } from './scenario.ts';

const definitions: ParameterDefinition[] = [
  { id: 'volume', name: 'Volume', type: 'float', default: 0, min: -60, max: 6, unit: 'dB' },
  { id: 'mute', name: 'Mute', type: 'bool', default: 0, min: 0, max: 1 },
];

const scenario = (steps: Record<string, number>[]): Scenario => ({
  ...SCENARIO_DEFAULTS,
  name: 's',
  file: 'scenarios/s.json',
  description: 'd',
  source: 'mic',
  input: 'a.wav',
  steps: steps.map((set) => ({ set, holdSeconds: 0.4 })),
});

describe('scenarios against the DSP schema', () => {
  it('accept values the DSP takes', () => {
    expect(
      scenarioParameterProblems([scenario([{ volume: -60 }, { volume: 6, mute: 1 }])], definitions, 'plugin.wasm'),
    ).toEqual([]);
  });

  it('name an unknown parameter with the ids the DSP has, and an out-of-range value', () => {
    const problems = scenarioParameterProblems(
      [scenario([{ input_gain: 0 }, { volume: 12 }, { mute: 0.5 }])],
      definitions,
      'plugin.wasm',
    );
    expect(problems).toEqual([
      'scenarios/s.json: /steps/0/set/input_gain: plugin.wasm has no parameter "input_gain"; it has: volume, mute',
      'scenarios/s.json: /steps/1/set/volume: value 12 is outside [-60, 6] for plugin.wasm\'s "volume"',
      'scenarios/s.json: /steps/2/set/mute: value 0.5 is not 0 or 1 (bool) for plugin.wasm\'s "mute"',
    ]);
    expect(() => assertScenariosFitDsp([scenario([{ input_gain: 0 }])], definitions, 'plugin.wasm')).toThrow(
      /1 problem\(s\) in scenario files/,
    );
  });
});
