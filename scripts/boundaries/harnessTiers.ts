/**
 * The floor plan of `harness/`: its folders in tiers, the ground floor first. A folder may import
 * its own tier and the tiers below, never one above; within a tier, no cycles (importCycles.ts).
 * A new folder gets a tier here, or the layer check says it has none.
 */
export interface HarnessTier {
  tier: string;
  /** Folders of harness/ (and its top-level files, by name). */
  folders: string[];
  /** What the tier is, and why it sits where it does: one line. */
  why: string;
}

export const HARNESS_TIERS: readonly HarnessTier[] = [
  {
    tier: 'ground',
    folders: ['io', 'wav', 'signals', 'analysis', 'health', 'expect', 'browser', 'rpc'],
    why: 'tools of one thing each (bytes and files, WAVs, test signals, level maths, the audio clock, one Chromium, one dev-server connection): everything above uses them',
  },
  {
    tier: 'drivers',
    folders: ['page', 'offline', 'steps', 'verdict', 'fixtures'],
    why: 'drive one page, one offline render or one parameter step, or judge one test: built on the ground floor, unaware of goldens and reports',
  },
  {
    tier: 'results',
    folders: ['report', 'goldens', 'validate', 'selfcheck'],
    why: 'what a run produces and keeps (reports and charts, goldens, the validator and its report, selfcheck): they read the drivers, never the configuration that chose them',
  },
  {
    tier: 'plans',
    folders: ['budget', 'config', 'scenarios', 'init', 'nightly'],
    why: 'what to run and with what (workers and time limits, the project config, scenarios, their generation, the nightly): they compose the results',
  },
  {
    tier: 'entry points',
    folders: ['test.ts', 'testFixtures', 'suite', 'cli', 'setup'],
    why: 'the Playwright fixtures (test.ts, made of testFixtures/) and suite, the CLI and set-up: the top, which nothing in the library imports',
  },
];

/** The harness folder (or top-level file) a repo path belongs to, or null outside harness/. */
export function harnessFolderOf(path: string): string | null {
  const parts = path.split('/');
  return parts[0] === 'harness' && parts.length >= 2 ? parts[1]! : null;
}

/** The tier index (0: ground) of a harness folder, or -1 when it has none. */
export function tierOf(folder: string, tiers: readonly HarnessTier[] = HARNESS_TIERS): number {
  return tiers.findIndex((t) => t.folders.includes(folder));
}
