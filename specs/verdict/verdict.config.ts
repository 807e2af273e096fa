/**
 * The nested run of specs/stack/verdict.spec.ts: the verdict cases in *.verdict.ts (not matched
 * by the main suite), on the mock path, reported as JSON to WAVECRAFT_JSON_REPORT for the outer test to read.
 */
import { defineConfig } from '@playwright/test';
import type { HarnessOptions } from '../../harness/test.ts';

export default defineConfig<HarnessOptions>({
  testDir: '.',
  testMatch: '*.verdict.ts',
  outputDir: process.env['WAVECRAFT_OUTPUT_DIR'] ?? '../../reports/verdict-results',
  globalSetup: '../../scripts/playwrightGlobalSetup.ts',
  timeout: 90_000,
  retries: 0,
  workers: 1,
  reporter: [['json', { outputFile: process.env['WAVECRAFT_JSON_REPORT'] ?? '../../reports/verdict.json' }]],
  projects: [{ name: 'mock', use: { dspPath: 'mock' } }],
});
