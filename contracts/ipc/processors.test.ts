import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from './parameters.ts';
import {
  groupByProcessor,
  parametersOfProcessor,
  processorGates,
  processorIds,
  processorOf,
  switchIn,
} from './processors.ts';

const reference = JSON.parse(
  readFileSync(new URL('../../devmode/dsp/reference/parameters.json', import.meta.url), 'utf8'),
) as ParameterDefinition[];
const float = (id: string): ParameterDefinition => ({ id, name: id, type: 'float', default: 0, min: 0, max: 1 });
const bool = (id: string): ParameterDefinition => ({ id, name: id, type: 'bool', default: 0, min: 0, max: 1 });

describe('Wavecraft processor grouping', () => {
  it('puts every reference parameter under exactly one of its four processors, each with a bool bypass', () => {
    const { processors, ungrouped, ambiguous } = groupByProcessor(reference);
    expect(processors.map((p) => [p.id, p.parameters.map((d) => d.id)])).toEqual([
      ['input_trim', ['input_trim_bypass', 'input_trim_level']],
      ['soft_clip', ['soft_clip_bypass', 'soft_clip_drive_db']],
      ['tone_filter', ['tone_filter_bypass', 'tone_filter_mode', 'tone_filter_cutoff_hz', 'tone_filter_resonance_q']],
      ['output_gain', ['output_gain_bypass', 'output_gain_level']],
    ]);
    expect(ungrouped).toEqual([]);
    expect(ambiguous).toEqual([]);
    for (const p of processors) expect(p.parameters[0]!.type, p.id).toBe('bool');
  });

  it("says the reference levels are linear, as Wavecraft's gain processor's `level` is", () => {
    for (const id of ['input_trim_level', 'output_gain_level']) {
      expect(
        reference.find((d) => d.id === id),
        id,
      ).toMatchObject({ type: 'float', unit: 'x', min: 0, max: 2, default: 1 });
    }
  });

  it('finds what a Wavecraft UI would show nowhere, or twice', () => {
    const definitions = [
      bool('gain_bypass'),
      float('gain_level'),
      bool('gain_stage_bypass'),
      float('gain_stage_level'),
      float('volume'),
    ];
    expect(processorIds(definitions)).toEqual(['gain', 'gain_stage']);
    expect([
      processorOf('gain_stage_level', definitions),
      processorOf('gain_level', definitions),
      processorOf('volume', definitions),
    ]).toEqual(['gain_stage', 'gain', undefined]);
    expect(parametersOfProcessor('gain', definitions).map((d) => d.id)).toEqual([
      'gain_bypass',
      'gain_level',
      'gain_stage_bypass',
      'gain_stage_level',
    ]);
    const { ungrouped, ambiguous } = groupByProcessor(definitions);
    expect(ungrouped.map((d) => d.id)).toEqual(['volume']);
    expect(ambiguous).toEqual(['gain_stage_bypass', 'gain_stage_level']);
  });

  it('knows a processor gated by `<processor>_enabled` (in at 1) as well as by `_bypass` (in at 0), and what switches one in', () => {
    const definitions = [
      bool('oscillator_enabled'),
      float('oscillator_frequency'),
      bool('filter_bypass'),
      float('filter_cutoff_hz'),
      float('volume'),
    ];
    expect(processorIds(definitions)).toEqual(['oscillator', 'filter']);
    expect(processorGates(definitions)).toEqual([
      { id: 'oscillator_enabled', processor: 'oscillator', inValue: 1 },
      { id: 'filter_bypass', processor: 'filter', inValue: 0 },
    ]);
    expect(switchIn('oscillator_frequency', definitions)).toEqual({ oscillator_enabled: 1 });
    expect(switchIn('filter_cutoff_hz', definitions)).toEqual({ filter_bypass: 0 });
    expect([switchIn('filter_bypass', definitions), switchIn('volume', definitions)]).toEqual([{}, {}]);
    expect(groupByProcessor(definitions).ungrouped.map((d) => d.id)).toEqual(['volume']);
  });
});
