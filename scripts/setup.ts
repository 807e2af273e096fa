/**
 * Idempotent project set-up: a Chromium to drive, the standard input fixtures (verified against
 * their manifest), the reference WASM DSP and the built dev-mode page. Each step is skipped when
 * already done.
 *
 *   npm run setup
 */
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../harness/setup/ensureChromium.ts';
import { ensureFixtures } from '../harness/setup/ensureFixtures.ts';
import { ensurePageBuild } from './setup/ensurePageBuild.ts';
import { ensureReferenceDsp } from './setup/ensureReferenceDsp.ts';
import { ensureRustWasm } from './setup/ensureRustWasm.ts';

/** `rust`: also Debian's rustc for wasm32 (npm test builds Rust test modules and the example plugin). */
export async function runSetup(
  log: (line: string) => void = (line) => console.log(`[setup] ${line}`),
  options: { rust?: boolean } = {},
): Promise<void> {
  await ensureChromium(log);
  if (options.rust) ensureRustWasm(log);
  await ensureFixtures(log);
  await ensureReferenceDsp(log);
  await ensurePageBuild(log);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runSetup(undefined, { rust: process.argv.includes('--rust') }).catch((error: Error) => {
    console.error(`[setup] ${error.message}`);
    process.exit(1);
  });
}
