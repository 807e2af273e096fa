import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveTake } from '../goldens/liveGolden.ts';
import { aggregateTakes } from '../goldens/repeatability.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { MOCK_PARAMETER_RANGES } from '../../devmode/dsp/mock/mockDsp.ts';
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { loadScenarios } from './loadScenarios.ts';
import { lintScenarios } from './scenarioLint.ts';
import { SCENARIO_DEFAULTS, type Scenario } from './scenario.ts';

const reference = JSON.parse(
  readFileSync(new URL('../../devmode/dsp/reference/parameters.json', import.meta.url), 'utf8'),
) as ParameterDefinition[];
const PATHS = [
  { name: 'wasm' as const, definitions: reference },
  { name: 'mock' as const, definitions: reference.filter((d) => d.id in MOCK_PARAMETER_RANGES) },
];

describe('the scenario lint', () => {
  it('passes every committed scenario of this repo on both paths', () => {
    const config = readHarnessConfig({});
    expect(lintScenarios(loadScenarios(config.scenariosDir), PATHS, config.goldensDir)).toEqual([]);
  });

  it('flags a step that moves less than 3× the tolerance, missing extremes, bypass and stereo coverage', () => {
    const goldens = mkdtempSync(join(tmpdir(), 'lint-'));
    mkdirSync(join(goldens, 'wasm'));
    const levels = (l: number, r: number) => ({
      peakDb: [l, r] as [number, number],
      rmsDb: [l - 3, r - 3] as [number, number],
    });
    const step = (input: [number, number], output: [number, number]) => ({
      set: {},
      startFrame: 0,
      settledFromFrame: 0,
      endFrame: 1,
      input: levels(...input),
      output: levels(...output),
      outputSwingDb: [0, 0] as [number, number],
    });
    const take: LiveTake = {
      scenario: 'q',
      path: 'wasm',
      sampleRate: 48000,
      windowFrames: 480,
      origin: { chromium: '156' },
      steps: [step([-6, -6], [-9, -9]), step([-6, -6], [-9.08, -9.08])],
      trace: { hopFrames: 1, frames: [], inputRmsDb: [[], []], outputRmsDb: [[], []] },
    };
    writeFileSync(join(goldens, 'wasm', 'q.json'), JSON.stringify(aggregateTakes([take, take, take], 0.1).golden));
    const scenario: Scenario = {
      ...SCENARIO_DEFAULTS,
      name: 'q',
      file: 'q.json',
      description: 'd',
      source: 'mic',
      input: 'a.wav',
      steps: [
        { set: { gain: -3 }, holdSeconds: 0.4 },
        { set: { gain: -3.08 }, holdSeconds: 0.4 },
      ],
    };
    const definitions: ParameterDefinition[] = [
      { id: 'gain', name: 'Gain', type: 'float', default: 0, min: -60, max: 6 },
      { id: 'bypass', name: 'Bypass', type: 'bool', default: 0, min: 0, max: 1 },
    ];
    expect(lintScenarios([scenario], [{ name: 'wasm', definitions }], goldens)).toEqual([
      'q [wasm] step 2 ({"gain":-3.08}): moves the output by 0.08 dB at most (L peak) from step 1, under 3× the ±0.1 dB tolerance: it checks nothing live; change it so it moves, or mark it "hold": true',
      '[wasm] gain is never set to its min (-60) by any scenario on this path',
      '[wasm] gain is never set to its max (6) by any scenario on this path',
      '[wasm] bypass is never set to its min (0) by any scenario on this path',
      '[wasm] bypass is never set to its max (1) by any scenario on this path',
      '[wasm] no step engages bypass with every parameter it bypasses (gain) away from its default',
      '[wasm] gain is never changed on an input whose channels differ, so a channel swap in its stage would not show',
      '[wasm] bypass is never changed on an input whose channels differ, so a channel swap in its stage would not show',
    ]);
    const held = { ...scenario, steps: [scenario.steps[0]!, { ...scenario.steps[1]!, hold: true }] };
    expect(lintScenarios([held], [{ name: 'wasm', definitions }], goldens)[0]).toMatch(/never set to its min/);
  });

  it("judges a Wavecraft processor bypass by its own processor's parameters only", () => {
    const goldens = mkdtempSync(join(tmpdir(), 'lint-'));
    const definitions: ParameterDefinition[] = [
      { id: 'tone_filter_bypass', name: 'Bypass', type: 'bool', default: 0, min: 0, max: 1 },
      { id: 'tone_filter_cutoff_hz', name: 'Cutoff', type: 'float', default: 1000, min: 20, max: 20000 },
      { id: 'output_gain_bypass', name: 'Bypass', type: 'bool', default: 0, min: 0, max: 1 },
      { id: 'output_gain_level', name: 'Level', type: 'float', default: 1, min: 0, max: 2 },
    ];
    const scenario = (steps: Record<string, number>[]): Scenario => ({
      ...SCENARIO_DEFAULTS,
      name: 'b',
      file: 'b.json',
      description: 'd',
      source: 'mic',
      input: 'a.wav',
      live: false,
      steps: steps.map((set) => ({ set, holdSeconds: 0.4 })),
    });
    const bypassProblems = (steps: Record<string, number>[]) =>
      lintScenarios([scenario(steps)], [{ name: 'wasm', definitions }], goldens).filter((p) =>
        p.includes('no step engages'),
      );
    // tone_filter bypassed with its cutoff moved: engaged, whatever output_gain_level is.
    expect(
      bypassProblems([
        { tone_filter_cutoff_hz: 20 },
        { tone_filter_bypass: 1 },
        { output_gain_level: 2 },
        { output_gain_bypass: 1 },
      ]),
    ).toEqual([]);
    expect(
      bypassProblems([
        { tone_filter_bypass: 1 },
        { tone_filter_bypass: 0, tone_filter_cutoff_hz: 20 },
        { output_gain_bypass: 1, output_gain_level: 2 },
      ]),
    ).toEqual([
      '[wasm] no step engages tone_filter_bypass with every parameter it bypasses (tone_filter_cutoff_hz) away from its default',
    ]);
  });
});
