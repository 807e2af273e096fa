/** Resolves an input fixture name (e.g. 'sine-1k-m6dbfs-mono.wav') to a file. */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES_ROOT = fileURLToPath(new URL('../../fixtures', import.meta.url));

/** Folders searched in order: the configured one, fixtures/wav (user files), fixtures/generated (standard inputs). */
export function fixtureSearchPath(extraDir: string | null): string[] {
  return [...(extraDir ? [extraDir] : []), join(FIXTURES_ROOT, 'wav'), join(FIXTURES_ROOT, 'generated')];
}

export function resolveInputWav(name: string, extraDir: string | null = null): string {
  if (isAbsolute(name)) {
    if (existsSync(name)) return name;
    throw new Error(`input WAV "${name}" does not exist`);
  }
  const dirs = fixtureSearchPath(extraDir);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`input WAV "${name}" not found in ${dirs.join(', ')} (standard fixtures are made by: npm run setup)`);
}
