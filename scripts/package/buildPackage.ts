/**
 * Builds what `npm pack` ships (run by the `prepack` script): the TypeScript the package runs,
 * compiled to dist/ with the same folder layout, plus the prebuilt assets beside it at the paths
 * the code expects: the dev-mode page (Vite build), the reference WASM DSP and the fixture
 * manifest. Nothing is ever built inside a user's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSetup } from '../setup.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const ASSETS = ['devmode/web/dist', 'devmode/dsp/build/reference.wasm', 'fixtures/wav-manifest.json'];

export async function buildPackage(log: (line: string) => void): Promise<void> {
  await runSetup(log);
  rmSync(dist, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.package.json')],
    { stdio: 'inherit' },
  );
  for (const asset of ASSETS) {
    const from = join(root, asset);
    if (!existsSync(from)) throw new Error(`package asset ${asset} is missing; run: npm run setup`);
    mkdirSync(dirname(join(dist, asset)), { recursive: true });
    cpSync(from, join(dist, asset), { recursive: true });
  }
  log(`package: compiled into ${dist} with ${ASSETS.length} assets`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildPackage((line) => console.log(`[package] ${line}`));
}
