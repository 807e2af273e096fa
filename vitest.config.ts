import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'harness/**/*.test.ts',
      'contracts/**/*.test.ts',
      'examples/**/*.test.ts',
      'devmode/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'rust/**/*.test.ts',
    ],
    exclude: ['**/*.adoption.test.ts', 'node_modules/**', 'dist/**'],
    // No wall-clock limit: a slower or busier machine takes longer, and that is not a failure. A
    // hang is caught where it can happen (RPC, socket and page waits name what hung).
    testTimeout: 0,
    hookTimeout: 0,
    // expect.poll waits for a condition (1 s by default): long enough for a loaded machine; it
    // passes the moment the condition holds.
    expect: { poll: { timeout: 60_000 } },
    // Tests load the built reference DSP; build it first (a no-op when up to date).
    globalSetup: ['./devmode/dsp/reference/vitestGlobalSetup.ts'],
    // Vitest's default leaves one core idle: on a 2-core machine, one file at a time. These tests
    // hold no wall-clock limit and no live level, so two files share 2 cores (measured: 199 s → 163 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
