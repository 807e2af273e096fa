/**
 * Builds the dev-mode page with Vite when its sources changed since the last build
 * (a content hash of the sources is kept beside the build).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(root, 'devmode/web');
const outDir = join(webRoot, 'dist');
const stampFile = join(outDir, '.source-hash');
/** Everything the page bundle is built from. */
const SOURCE_DIRS = ['devmode/web', 'contracts', 'devmode/dsp'];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'dist' || entry.name === 'build' || entry.name === 'node_modules' ? [] : listFiles(path);
    return entry.name.endsWith('.test.ts') ? [] : [path];
  });
}

export function pageSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_DIRS.flatMap((d) => listFiles(join(root, d))).sort()) {
    if (!statSync(file).isFile()) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export async function ensurePageBuild(log: (line: string) => void): Promise<void> {
  const hash = pageSourceHash();
  if (
    existsSync(join(outDir, 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8').trim() === hash
  ) {
    log('page: up to date');
    return;
  }
  log('page: building with vite…');
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: webRoot,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rollupOptions: { input: { index: join(webRoot, 'index.html'), offline: join(webRoot, 'offline.html') } },
    },
    worker: { format: 'es' },
  });
  writeFileSync(stampFile, `${hash}\n`);
  log(`page: built into ${relative(root, outDir)}`);
}
