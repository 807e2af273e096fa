/**
 * Runs a plugin project's suite with Playwright underneath: `playwright test -c <the suite
 * config>` with the project's config in WAVECRAFT_CONFIG and every other argument passed through
 * (--grep, --shard, --reporter, --update-snapshots, --workers, ...).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { runSuiteSetup, SUITE_READY_ENV } from '../setup/suiteSetup.ts';

const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
/** The suite's Playwright config, in this package. */
export const SUITE_CONFIG = fileURLToPath(new URL(`../suite/playwright.config${ext}`, import.meta.url));

export const RECORD_COMMAND_HELP = 'record it with: npx wavecraft-harness record (add --grep "<scenario>" for one)';

/**
 * Runs the suite's set-up here first (build, ABI check, scenarios against the schema, fixtures), so
 * bad input fails in a second with a plain message, then Playwright, whose global set-up then skips it.
 */
export async function runPlaywright(
  configFile: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  quiet = false,
): Promise<number> {
  const runEnv = { ...process.env, WAVECRAFT_CONFIG: configFile, WAVECRAFT_RECORD_HELP: RECORD_COMMAND_HELP, ...env };
  // stderr: Playwright's stdout may carry a reporter's output (--reporter=json).
  await runSuiteSetup(
    readHarnessConfig(runEnv),
    runEnv,
    quiet ? () => undefined : (line) => console.error(`[wavecraft] ${line}`),
  );
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const run = spawnSync(process.execPath, [cli, 'test', '-c', SUITE_CONFIG, ...args], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...runEnv, [SUITE_READY_ENV]: configFile },
  });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

/** `record`: Playwright's --update-snapshots=changed unless the caller chose a mode. */
export function recordArgs(args: readonly string[]): string[] {
  return args.some((a) => a.startsWith('--update-snapshots') || a === '-u')
    ? [...args]
    : ['--update-snapshots=changed', ...args];
}
