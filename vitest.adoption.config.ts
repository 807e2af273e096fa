import { defineConfig } from 'vitest/config';

/**
 * Adoption tests: the harness as a plugin project uses it (the packed tarball in a fresh project;
 * examples/rust-plugin through the CLI). They run live audio, so one file at a time, after the
 * Playwright suite (npm test).
 */
export default defineConfig({
  test: {
    include: ['**/*.adoption.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'reports/**'],
    // No wall-clock limit (see vitest.config.ts).
    testTimeout: 0,
    hookTimeout: 0,
    expect: { poll: { timeout: 60_000 } },
    fileParallelism: false,
  },
});
