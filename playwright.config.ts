import { defineConfig } from '@playwright/test';
import { workersForRun } from './harness/budget/chooseWorkers.ts';
import { EXPECT_TIMEOUT_MS, TEST_TIMEOUT_MS } from './harness/budget/testTimeout.ts';
import type { HarnessOptions } from './harness/test.ts';

/**
 * Live specs run real-time audio in headless Chromium. Projects choose the DSP path.
 * retries stay 0: a flaky test is a bug to fix, not to retry.
 */
export default defineConfig<HarnessOptions>({
  testDir: 'specs',
  testMatch: '**/*.spec.ts',
  // Per-shard output folders when shards share a machine (scripts/shardedRun.ts).
  outputDir: process.env['WAVECRAFT_OUTPUT_DIR'] ?? 'reports/test-results',
  globalSetup: './scripts/playwrightGlobalSetup.ts',
  // A backstop only: every wait runs on the audio clock, and the audio-health fixture extends
  // this while the audio still moves (a slow machine is given the time its audio takes).
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: EXPECT_TIMEOUT_MS },
  retries: 0,
  // Goldens and screenshots are written only when asked: --update-snapshots (npm run record).
  updateSnapshots: 'none',
  // Screenshot goldens sit with the others; one per name, shared by the DSP paths (the display is the same).
  snapshotPathTemplate: 'goldens/screenshots/{arg}{ext}',
  // One live audio stream per idle core, measured at start (harness/budget/chooseWorkers.ts).
  workers: workersForRun(),
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  reporter: [
    ['list'],
    ['html', { outputFolder: 'reports/html', open: 'never' }],
    // Annotations (inconclusive and its cause, audio health) become JUnit properties.
    ['junit', { embedAnnotationsAsProperties: true, outputFile: 'reports/junit.xml' }],
    [
      './harness/report/summaryReporter.ts',
      { outputFile: process.env['WAVECRAFT_SUMMARY_FILE'] ?? 'reports/summary.json' },
    ],
  ],
  projects: [
    // The JS mock DSP: the shared live specs only (it implements gains and bypass), and the
    // stack's own checks (specs/stack/), which do not depend on the DSP.
    { name: 'mock', use: { dspPath: 'mock' }, testIgnore: ['wasm/**', 'external/**', 'reports/**'] },
    // The WASM DSP (the reference build, or WAVECRAFT_WASM): the shared specs plus specs/wasm/.
    { name: 'wasm', use: { dspPath: 'wasm' }, testIgnore: ['external/**', 'stack/**', 'reports/**'] },
    // The harness's own report pages (dashboard, failure plots), opened in Chromium: no audio.
    { name: 'reports', testMatch: 'reports/**/*.spec.ts' },
    // Runs the harness itself against an external WASM build, as a nightly user would.
    { name: 'external', use: { dspPath: 'wasm' }, testMatch: 'external/**/*.spec.ts' },
  ],
});
