import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'contracts/**/*.test.ts', 'examples/**/*.test.ts', 'devmode/**/*.test.ts', 'fixtures/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.adoption.test.ts', 'node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    // Tests load the built reference DSP; build it first (a no-op when up to date).
    globalSetup: ['./devmode/dsp/reference/vitestGlobalSetup.ts'],
  },
});
