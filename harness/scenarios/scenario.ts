/**
 * A scenario: a declarative live + offline test. One JSON file in fixtures/scenarios/ per
 * scenario; the harness generates one Playwright test per scenario per DSP path. The file's shape
 * is declared once, in scenarioSchema.ts; a `Scenario` is that file as loaded: named, with every
 * default filled in.
 */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import type { ScenarioFile } from './scenarioSchema.ts';

export { SCENARIO_DEFAULTS, type ExpectedLevel, type ScenarioStep, type StepExpectation } from './scenarioSchema.ts';

export type Scenario = Omit<ScenarioFile, '$schema' | 'paths' | 'tolerances' | 'settleSeconds' | 'live' | 'strict'> & {
  /** From the file name: fixtures/scenarios/<name>.json. */
  name: string;
  /** The file it was read from. */
  file: string;
  paths: DspPath[];
  tolerances: Required<NonNullable<ScenarioFile['tolerances']>>;
  settleSeconds: number;
  live: boolean;
  strict: boolean;
};
