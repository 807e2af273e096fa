/** Which scenarios the mock and the WASM DSP must render alike: those that touch only what both implement. */
import type { Scenario } from './scenario.ts';

/** Parameters the mock DSP implements with the same law as the reference WASM DSP. */
export const SHARED_PARAMETERS = new Set([
  'input_trim_bypass',
  'input_trim_level',
  'output_gain_bypass',
  'output_gain_level',
]);

export function isParityScenario(scenario: Scenario): boolean {
  return (
    scenario.paths.includes('mock') &&
    scenario.paths.includes('wasm') &&
    scenario.steps.every((s) => Object.keys(s.set).every((id) => SHARED_PARAMETERS.has(id)))
  );
}
