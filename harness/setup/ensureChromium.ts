/** Finds a Chromium, installing Debian's package when none is found and we are root on Debian. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING_HELP, findChromium } from '../browser/findChromium.ts';

export async function ensureChromium(log: (line: string) => void): Promise<string> {
  const found = findChromium();
  if (found) {
    log(`chromium: ${found.path} (${found.source})`);
    return found.path;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) throw new Error(CHROMIUM_MISSING_HELP);
  log('chromium: none found; installing Debian package "chromium" (apt-get)…');
  execSync('apt-get update && apt-get install -y chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but it cannot be found. ${CHROMIUM_MISSING_HELP}`);
  log(`chromium: ${installed.path} (installed)`);
  return installed.path;
}
