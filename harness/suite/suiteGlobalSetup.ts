/** Playwright global set-up of a plugin project's suite (see setup/suiteSetup.ts). */
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { runSuiteSetup, SUITE_READY_ENV } from '../setup/suiteSetup.ts';

export default async function suiteGlobalSetup(): Promise<void> {
  const config = readHarnessConfig();
  // The CLI ran it already for this project (WAVECRAFT_CONFIG is absolute there).
  if (config.project && process.env[SUITE_READY_ENV] === config.project.file) return;
  await runSuiteSetup(config, process.env, (line) => console.log(`[wavecraft] ${line}`));
}
