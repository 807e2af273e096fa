import { describe, expect, it } from 'vitest';
import { perStatistic } from '../../contracts/meters/meterStatistics.ts';
import type { LiveTakeStep } from '../goldens/liveGolden.ts';
import { SCENARIO_DEFAULTS, type Scenario } from './scenario.ts';
import { stepExpectationProblems } from './stepExpectations.ts';

const scenario = (expect: Scenario['steps'][number]['expect']): Scenario => ({
  ...SCENARIO_DEFAULTS,
  tolerances: { ...SCENARIO_DEFAULTS.tolerances },
  paths: ['wasm'],
  name: 's',
  file: 's.json',
  description: 'd',
  input: 'a.wav',
  source: 'mic',
  steps: [{ set: { g: 0.5 }, holdSeconds: 0.4, ...(expect ? { expect } : {}) }],
});
const measured = (peak: number, rms: number): LiveTakeStep => ({
  set: { g: 0.5 },
  startFrame: 0,
  settledFromFrame: 0,
  endFrame: 1,
  input: perStatistic((s) => (s === 'peakDb' ? [-6, -6] : [-9, -9])),
  output: perStatistic((s) => (s === 'peakDb' ? [peak, peak] : [rms, rms])),
  outputSwingDb: [0, 0],
});

describe("a scenario's analytic expectations", () => {
  it('checks every statistic a step names, per channel, within the level tolerance', () => {
    const s = scenario({ output: { peakDb: -12, rmsDb: [-15, -15.5] } });
    expect(stepExpectationProblems(s, [measured(-12.05, -15.02)], 'wasm')).toEqual([
      's [wasm] step 1 (g = 0.5) output R rms: expected -15.50 dBFS (analytic), actual -15.02 dBFS (Δ +0.48 dB, ±0.1)',
    ]);
    expect(stepExpectationProblems(s, [measured(-12.5, -15.02)], 'wasm')).toEqual([
      's [wasm] step 1 (g = 0.5) output L peak: expected -12.00 dBFS (analytic), actual -12.50 dBFS (Δ -0.50 dB, ±0.1)',
      's [wasm] step 1 (g = 0.5) output R peak: expected -12.00 dBFS (analytic), actual -12.50 dBFS (Δ -0.50 dB, ±0.1)',
      's [wasm] step 1 (g = 0.5) output R rms: expected -15.50 dBFS (analytic), actual -15.02 dBFS (Δ +0.48 dB, ±0.1)',
    ]);
    expect(stepExpectationProblems(scenario(undefined), [measured(-40, -40)], 'wasm')).toEqual([]);
  });
});
