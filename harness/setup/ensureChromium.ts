/** Finds a Chromium, installing Debian's package when none is found and we are root on Debian. */
import { CHROMIUM_MISSING_HELP, findChromium } from '../browser/findChromium.ts';
import { aptInstall, canAptInstall } from './aptInstall.ts';

export async function ensureChromium(log: (line: string) => void): Promise<string> {
  const found = findChromium();
  if (found) {
    log(`chromium: ${found.path} (${found.source})`);
    return found.path;
  }
  if (!canAptInstall()) throw new Error(CHROMIUM_MISSING_HELP);
  aptInstall(['chromium'], 'chromium (none found)', log);
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but it cannot be found. ${CHROMIUM_MISSING_HELP}`);
  log(`chromium: ${installed.path} (installed)`);
  return installed.path;
}
