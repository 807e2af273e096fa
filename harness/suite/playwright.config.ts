/**
 * The Playwright config of a plugin project's suite. The `wavecraft-harness` CLI runs it; so can
 * a user directly:
 *
 *   WAVECRAFT_CONFIG=wavecraft.config.json npx playwright test -c
 * node_modules/wavecraft-audio-harness/dist/harness/suite/playwright.config.js
 *
 * It runs the project's scenarios (one test each, on the WASM path: the project's own build)
 * against the embedded reference stack, or the project's own dev server and page when its config
 * names them. Reports go to the project's reports folder. retries stay 0.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { findProjectConfig } from '../config/projectConfig.ts';
import { readHarnessConfig } from '../config/harnessConfig.ts';
import { workersForRun } from '../budget/chooseWorkers.ts';
import { EXPECT_TIMEOUT_MS, TEST_TIMEOUT_MS } from '../budget/testTimeout.ts';
import type { HarnessOptions } from '../test.ts';

// Compiled to .js in the package, .ts in the repo: sibling modules share this file's extension.
const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
const sibling = (path: string) => fileURLToPath(new URL(`${path}${ext}`, import.meta.url));

if (!process.env['WAVECRAFT_CONFIG']) {
  const found = findProjectConfig();
  if (!found)
    throw new Error(
      `no wavecraft.config.json in ${process.cwd()} or above; create one with: npx wavecraft-harness init --wasm path/to/build.wasm`,
    );
  process.env['WAVECRAFT_CONFIG'] = found;
}
const config = readHarnessConfig();
const reports = config.reportsDir;

export default defineConfig<HarnessOptions>({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: /scenarios\.spec\.(ts|js)$/,
  outputDir: process.env['WAVECRAFT_OUTPUT_DIR'] ?? join(reports, 'test-results'),
  globalSetup: sibling('./suiteGlobalSetup'),
  // A backstop only: every wait runs on the audio clock, and the audio-health fixture extends
  // this while the audio still moves (a slow machine is given the time its audio takes).
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: EXPECT_TIMEOUT_MS },
  retries: 0,
  updateSnapshots: 'none',
  snapshotPathTemplate: join(config.goldensDir, 'screenshots', '{arg}{ext}'),
  // One live audio stream per idle core, measured at start (harness/budget/chooseWorkers.ts).
  workers: workersForRun(),
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  reporter: [
    ['list'],
    ['html', { outputFolder: join(reports, 'html'), open: 'never' }],
    // Annotations (inconclusive and its cause, audio health) become JUnit properties.
    ['junit', { embedAnnotationsAsProperties: true, outputFile: join(reports, 'junit.xml') }],
    [sibling('../report/summaryReporter'), { outputFile: join(reports, 'summary.json') }],
  ],
  projects: [{ name: 'wasm', use: { dspPath: 'wasm' } }],
});
