/**
 * A scenario: a declarative live + offline test. One JSON file in fixtures/scenarios/ per
 * scenario; the harness generates one Playwright test per scenario per DSP path.
 */

export interface ScenarioStep {
  /** Parameter values to apply at the start of the step. */
  set: Record<string, number>;
  /** How long the step holds, seconds. */
  holdSeconds: number;
  /** The step deliberately keeps the output where it was (the scenario lint then accepts that it moves nothing). */
  hold?: boolean;
  /**
   * Analytic levels the settled span must show (dBFS; one number for both channels, or [L, R]), within the level
   * tolerance.
   */
  expect?: Partial<Record<'input' | 'output', StepExpectation>>;
}

export type ExpectedLevel = number | [number, number];
export interface StepExpectation {
  peakDb?: ExpectedLevel;
  rmsDb?: ExpectedLevel;
}

export interface Scenario {
  /** From the file name: fixtures/scenarios/<name>.json. */
  name: string;
  /** The file it was read from. */
  file: string;
  description: string;
  /** The input fixture (fixtures/wav, fixtures/generated, or WAVECRAFT_FIXTURES_DIR); unused for `tone`. */
  input?: string;
  source: 'mic' | 'file' | 'tone';
  tone?: { frequencyHz: number; levelDb: number };
  /** The DSP paths it runs on. Default ['wasm']: a plugin's own build. */
  paths: ('mock' | 'wasm')[];
  steps: ScenarioStep[];
  tolerances: {
    /** Settled peak/RMS, dB. Default 0.1. */
    levelDb: number;
    /** Offline render against its golden, SNR dB. Default 120. */
    offlineSnrDb: number;
    /** Live output against an offline render of the same input and events, SNR dB. Default 60. */
    liveSnrDb: number;
  };
  /** Time after each change before the settled span starts, seconds. Default 0.05. */
  settleSeconds: number;
  /**
   * Run the live part (meter goldens); default true. Off for signals whose live levels depend on where the capture
   * starts.
   */
  live: boolean;
  /**
   * Every live reading must repeat from take to take: `record` refuses one that does not, naming it and what would fix
   * it, instead of asserting the RMS in its place or a tolerance derived from its spread. Default false (or the
   * suite's `strict`).
   */
  strict: boolean;
}

export const SCENARIO_DEFAULTS = {
  paths: ['wasm'] as ('mock' | 'wasm')[],
  tolerances: { levelDb: 0.1, offlineSnrDb: 120, liveSnrDb: 60 },
  settleSeconds: 0.05,
  live: true,
  strict: false,
} as const;
