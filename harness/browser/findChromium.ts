/**
 * Finds a Chromium to drive, in this order: $CHROMIUM_PATH, a Playwright-managed Chromium,
 * then chromium / chromium-browser / google-chrome on the PATH or in /usr/bin.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export interface ChromiumLocation {
  path: string;
  /** Where it was found: 'CHROMIUM_PATH', 'playwright' or 'system'. */
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  /** Look for a Playwright-managed Chromium. Default true. */
  playwright?: boolean;
  /** Folders searched after the PATH. Default ['/usr/bin']. */
  fallbackDirs?: readonly string[];
}

/** Returns the Chromium to use, or null when there is none. Throws when CHROMIUM_PATH is set but unusable. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  options: FindChromiumOptions = {},
): ChromiumLocation | null {
  const override = env['CHROMIUM_PATH'];
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to "${override}", which does not exist`);
    if (!isExecutable(override)) throw new Error(`CHROMIUM_PATH is set to "${override}", which is not executable`);
    return { path: override, source: 'CHROMIUM_PATH' };
  }
  if (options.playwright ?? true) {
    try {
      const managed = chromium.executablePath();
      if (managed && isExecutable(managed)) return { path: managed, source: 'playwright' };
    } catch {
      // Playwright throws when it has no browser of its own registered; fall through.
    }
  }
  const dirs = [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), ...(options.fallbackDirs ?? ['/usr/bin'])];
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, source: 'system' };
    }
  }
  return null;
}

export const CHROMIUM_MISSING_HELP =
  'No Chromium found. Install one (Debian: sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Like findChromium, but throws with instructions when there is none. */
export function requireChromium(
  env: NodeJS.ProcessEnv = process.env,
  options: FindChromiumOptions = {},
): ChromiumLocation {
  const found = findChromium(env, options);
  if (!found) throw new Error(CHROMIUM_MISSING_HELP);
  return found;
}
