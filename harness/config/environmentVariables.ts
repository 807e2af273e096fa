/**
 * Every WAVECRAFT_* variable anything in this repo reads (and the browser and font ones it honours), in one
 * table: what it means, its default,
 * and whether a user sets it or the harness sets it for its own child processes. The README's
 * variable tables are generated from it (scripts/docs/writeDocTables.ts), and a test fails when
 * the source reads a variable this table lacks, or the README drifts from it.
 */

export interface EnvironmentVariable {
  meaning: string;
  default: string;
  /** `user`: set it yourself; `internal`: the harness sets it for a process it starts. */
  audience: 'user' | 'internal';
}

/** The variables of other tools the harness honours (its browser and its fonts). */
export type OtherVariable = 'CHROMIUM_PATH' | 'CHROME_BIN' | 'PLAYWRIGHT_BROWSERS_PATH' | 'FONTCONFIG_FILE';

export const ENVIRONMENT_VARIABLES = {
  WAVECRAFT_CONFIG: {
    meaning: "the project's config file",
    default: 'found from the current folder up (CLI)',
    audience: 'user',
  },
  WAVECRAFT_DEV_SERVER_URL: {
    meaning: '`ws://` URL of your running dev server',
    default: "the config's, else start the embedded one",
    audience: 'user',
  },
  WAVECRAFT_PAGE_URL: {
    meaning: '`http(s)://` URL of your dev-mode page with the probe ([docs/probe.md](probe.md))',
    default: "the config's, else the embedded page",
    audience: 'user',
  },
  WAVECRAFT_FIXTURES_DIR: { meaning: 'extra folder searched first for input WAVs', default: '—', audience: 'user' },
  WAVECRAFT_WASM: {
    meaning: "the DSP build, overriding the config's (what `nightly --wasm` sets)",
    default: "the config's, else the reference DSP",
    audience: 'user',
  },
  WAVECRAFT_WORKERS: {
    meaning: 'Playwright workers',
    default: 'one per idle core at start, `record`: one per 3 (printed: `[wavecraft] 2 worker(s): …`)',
    audience: 'user',
  },
  WAVECRAFT_SUMMARY_FILE: {
    meaning: 'where the summary reporter writes (the soak and bench use it)',
    default: '`reports/summary.json`',
    audience: 'user',
  },
  WAVECRAFT_BASELINE_REF: {
    meaning: "the commit the full bench's figure 7 compares the suite against",
    default: '`4e6c197`',
    audience: 'user',
  },
  WAVECRAFT_FAULT: {
    meaning: 'a fault injected around the DSP in the embedded page (the contracts/faults catalogue)',
    default: 'none (selfcheck sets it per run)',
    audience: 'user',
  },
  WAVECRAFT_OUTPUT_DIR: {
    meaning: "Playwright's output folder (traces, attachments)",
    default: '`reports/test-results`',
    audience: 'user',
  },
  WAVECRAFT_REPORTS_DIR: {
    meaning: 'where `playwright.merge.config.ts` writes the merged report of a sharded run',
    default: '`reports`',
    audience: 'user',
  },
  CHROMIUM_PATH: {
    meaning: "the Chromium executable (any build: Debian's, Google Chrome, a headless shell)",
    default:
      "found: Playwright's Chromium or headless shell, then `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable`, `CHROME_BIN`, `/opt/google/chrome/chrome` (a snap's is passed over); else Debian's, installed by set-up as root",
    audience: 'user',
  },
  CHROME_BIN: {
    meaning: "a Chrome executable (GitHub's ubuntu runners set it to `/usr/bin/google-chrome`)",
    default: 'tried after the PATH',
    audience: 'user',
  },
  PLAYWRIGHT_BROWSERS_PATH: {
    meaning: "where Playwright's own browsers are (`npx playwright install chromium`)",
    default: '`~/.cache/ms-playwright`',
    audience: 'user',
  },
  FONTCONFIG_FILE: {
    meaning: "the machine's fontconfig file: the harness's browsers read it and pin how text renders on top",
    default: '`/etc/fonts/fonts.conf`',
    audience: 'user',
  },
  WAVECRAFT_RECORD_HELP: {
    meaning: 'how a missing golden tells you to record it (the CLI says `npx wavecraft-harness record`)',
    default: '`npm run record`',
    audience: 'internal',
  },
  WAVECRAFT_SUITE_READY: {
    meaning: "the config whose set-up the CLI already ran, so Playwright's global set-up skips it",
    default: '—',
    audience: 'internal',
  },
  WAVECRAFT_JSON_REPORT: {
    meaning: 'where the nested verdict suite writes its JSON report for the outer test',
    default: '`reports/verdict.json`',
    audience: 'internal',
  },
  WAVECRAFT_SCHEMA_JSON: {
    meaning: 'the schema file a Rust test module is built with (fixtures/rust)',
    default: '—',
    audience: 'internal',
  },
  WAVECRAFT_STAGES: {
    meaning: 'the stage count a Rust wide-chain test module is built with (fixtures/rust)',
    default: '—',
    audience: 'internal',
  },
} as const satisfies Record<`WAVECRAFT_${string}` | OtherVariable, EnvironmentVariable>;

export type EnvironmentVariableName = keyof typeof ENVIRONMENT_VARIABLES;

/** The README's table of the variables for `audience`. */
export function formatEnvironmentTable(audience: EnvironmentVariable['audience']): string {
  const rows = (Object.entries(ENVIRONMENT_VARIABLES) as [string, EnvironmentVariable][])
    .filter(([, v]) => v.audience === audience)
    .map(([name, v]) => `| \`${name}\` | ${v.meaning} | ${v.default} |`);
  return ['| variable | meaning | default |', '|---|---|---|', ...rows].join('\n');
}
