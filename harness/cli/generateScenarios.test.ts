import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { generateScenarios, parameterValues } from './generateScenarios.ts';

const float = (over: Partial<ParameterDefinition>): ParameterDefinition => ({ id: 'x', name: 'X', type: 'float', default: 0, min: -60, max: 6, ...over });

describe('scenarios generated from a schema', () => {
  it('step floats through default, low and high (log-spaced in Hz); toggle bools; walk enums from the default', () => {
    expect(parameterValues(float({ unit: 'dB' }))).toEqual([0, -53.4, -0.6]);
    expect(parameterValues(float({ unit: 'Hz', default: 1000, min: 20, max: 20000 }))).toEqual([1000, 39.9, 10000]);
    expect(parameterValues({ id: 'm', name: 'M', type: 'bool', default: 0, min: 0, max: 1 })).toEqual([0, 1]);
    expect(parameterValues({ id: 'e', name: 'E', type: 'enum', default: 1, min: 0, max: 2, variants: ['a', 'b', 'c'] })).toEqual([1, 2, 0]);
    expect(parameterValues(float({ default: -53.4 }))).toEqual([-53.4, -0.6]);
  });

  it('make one scenario per parameter, each value a step on the stereo L/R fixture', () => {
    const [volume, mute] = generateScenarios([float({ id: 'volume', name: 'Volume', unit: 'dB' }), { id: 'mute', name: 'Mute', type: 'bool', default: 0, min: 0, max: 1 }]);
    expect(volume!.name).toBe('param-volume');
    expect(volume!.json.steps.map((s) => s.set)).toEqual([{ volume: 0 }, { volume: -53.4 }, { volume: -0.6 }]);
    expect(mute!.json).toMatchObject({ input: 'sine-1k-lm6-rm12dbfs-stereo.wav', source: 'mic', steps: [{ set: { mute: 0 } }, { set: { mute: 1 } }] });
  });

  it('split an enum with many variants into scenarios that each fit the 9 s a live scenario may hold', () => {
    const variants = Array.from({ length: 45 }, (_, i) => `v${i}`);
    const scenarios = generateScenarios([{ id: 'preset', name: 'Preset', type: 'enum', default: 0, min: 0, max: 44, variants }]);
    expect(scenarios.map((s) => s.name)).toEqual(['param-preset-1', 'param-preset-2', 'param-preset-3']);
    expect(scenarios.every((s) => s.json.steps.length <= 20)).toBe(true);
    const covered = new Set(scenarios.flatMap((s) => s.json.steps.map((step) => step.set['preset'])));
    expect(covered.size).toBe(45);
  });

  it('switch in a Wavecraft processor that starts bypassed before stepping its parameters', () => {
    const bool = (id: string, on: number): ParameterDefinition => ({ id, name: id, type: 'bool', default: on, min: 0, max: 1 });
    const scenarios = generateScenarios([
      bool('soft_clip_bypass', 1),
      float({ id: 'soft_clip_drive_db', default: 12, min: 0, max: 30, unit: 'dB' }),
      bool('output_gain_bypass', 0),
      float({ id: 'output_gain_level', default: 1, min: 0, max: 2 }),
    ]);
    const steps = Object.fromEntries(scenarios.map((s) => [s.name, s.json.steps.map((step) => step.set)]));
    expect(steps['param-soft_clip_drive_db']).toEqual([{ soft_clip_bypass: 0, soft_clip_drive_db: 12 }, { soft_clip_drive_db: 3 }, { soft_clip_drive_db: 27 }]);
    expect(scenarios.find((s) => s.name === 'param-soft_clip_drive_db')!.json.description).toContain('with soft_clip_bypass off (it starts on)');
    // Its own bypass toggles as any bool; a processor that starts switched in is left alone.
    expect(steps['param-soft_clip_bypass']).toEqual([{ soft_clip_bypass: 1 }, { soft_clip_bypass: 0 }]);
    expect(steps['param-output_gain_level']).toEqual([{ output_gain_level: 1 }, { output_gain_level: 0.2 }, { output_gain_level: 1.8 }]);
  });
});
