/**
 * Finds a Chromium (findChromium.ts), installing Debian's package when none is found and this
 * process is root on Debian; anywhere else (a CI runner that is not root) it says where it looked
 * and every way to get one.
 */
import { CHROMIUM_MISSING_HELP, findChromium, requireChromium } from '../browser/findChromium.ts';
import { aptInstall, canAptInstall } from './aptInstall.ts';

export async function ensureChromium(log: (line: string) => void): Promise<string> {
  const passedOver: string[] = [];
  const found = findChromium(process.env, { passedOver });
  for (const note of passedOver) log(`chromium: passed over ${note}`);
  if (found) {
    log(`chromium: ${found.path} (${found.source})`);
    return found.path;
  }
  if (!canAptInstall()) return requireChromium().path; // throws, saying where it looked and what to do
  aptInstall(['chromium'], 'chromium (none found)', log);
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but it cannot be found.\n${CHROMIUM_MISSING_HELP}`);
  log(`chromium: ${installed.path} (installed)`);
  return installed.path;
}
