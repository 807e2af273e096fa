/** What "the DSP build" is, as a SHA-256: the WASM module's bytes, or the mock DSP's sources. */
import type { DspPath } from '../../contracts/wasm/dspBackend.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MOCK_DIR = fileURLToPath(new URL('../../devmode/dsp/mock', import.meta.url));

export function dspBuildSha256(path: DspPath, wasmPath: string): string {
  const hash = createHash('sha256');
  if (path === 'wasm') return hash.update(readFileSync(wasmPath)).digest('hex');
  for (const name of readdirSync(MOCK_DIR)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .sort()) {
    hash.update(name).update(readFileSync(join(MOCK_DIR, name)));
  }
  return hash.digest('hex');
}
