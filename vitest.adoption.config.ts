import { defineConfig } from 'vitest/config';

/**
 * Adoption tests: the harness as a plugin project uses it (the packed tarball in a fresh project;
 * examples/rust-plugin through the CLI). They run live audio, so one file at a time, after the
 * Playwright suite (npm test).
 */
export default defineConfig({
  test: {
    include: ['**/*.adoption.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
