/** Playwright global set-up of a plugin project's suite (see setup/suiteSetup.ts). */
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { runSuiteSetup } from '../setup/suiteSetup.ts';

export default async function suiteGlobalSetup(): Promise<void> {
  await runSuiteSetup(readHarnessConfig(), process.env, (line) => console.log(`[wavecraft] ${line}`));
}
