/** Playwright global set-up of a plugin project's suite (see setup/suiteSetup.ts). */
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { runSuiteSetup, SUITE_READY_ENV } from '../setup/suiteSetup.ts';

export default async function suiteGlobalSetup(): Promise<void> {
  const config = readHarnessConfig();
  // The CLI ran it already for this project (WAVECRAFT_CONFIG is absolute there).
  if (config.project && process.env[SUITE_READY_ENV] === config.project.file) return;
  // stderr: stdout may carry a reporter's output (--reporter=json).
  await runSuiteSetup(config, process.env, (line) => console.error(`[wavecraft] ${line}`));
}
