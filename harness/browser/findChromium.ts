/**
 * Finds a Chromium to drive, in this order:
 * 1. $CHROMIUM_PATH;
 * 2. Playwright's own browsers ($PLAYWRIGHT_BROWSERS_PATH, else ~/.cache/ms-playwright): its
 *    Chromium, then its headless shell (`npx playwright install chromium`, or `--only-shell`);
 * 3. the machine's: chromium, chromium-browser, google-chrome, google-chrome-stable on the PATH or
 *    in /usr/bin, $CHROME_BIN, then Google Chrome's own folder (/opt/google/chrome/chrome).
 * GitHub's ubuntu-latest runners (not root, no Debian package) have /usr/bin/chromium and
 * /usr/bin/google-chrome. A snap-packaged Chromium is passed over: its confinement keeps it from
 * reading capture files outside the home folder's visible part, and fake capture then plays
 * silence without a word.
 */
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export interface ChromiumLocation {
  path: string;
  /** Where it was found. */
  source: 'CHROMIUM_PATH' | 'playwright' | 'playwright headless shell' | 'system';
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
/** Where Google Chrome's package puts the browser itself. */
const CHROME_HOME = '/opt/google/chrome/chrome';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A snap's Chromium: the file is (or leads to) /snap/…, or it is Ubuntu's wrapper script that runs the snap. */
export function isSnapChromium(path: string): boolean {
  try {
    if (realpathSync(path).startsWith('/snap/')) return true;
    const head = readFileSync(path, { encoding: 'latin1' }).slice(0, 2048);
    return head.startsWith('#!') && /\/snap\/bin\/chromium|snap run chromium/.test(head);
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  /** Look for Playwright's own browsers. Default true. */
  playwright?: boolean;
  /** Folders searched after the PATH. Default ['/usr/bin']. */
  fallbackDirs?: readonly string[];
  /** Google Chrome's own executable, tried last. Default /opt/google/chrome/chrome. */
  chromeHome?: string | null;
  /** Candidates passed over, and why (a snap's Chromium): for the message when none is left. */
  passedOver?: string[];
}

/** Playwright's browsers folder: $PLAYWRIGHT_BROWSERS_PATH (0: inside the package), else its cache. */
function playwrightBrowsersDir(env: NodeJS.ProcessEnv): string | null {
  const set = env['PLAYWRIGHT_BROWSERS_PATH'];
  if (set && set !== '0') return set;
  if (set === '0') return null;
  return join(env['HOME'] ?? homedir(), '.cache', 'ms-playwright');
}

/** The newest headless shell among Playwright's browsers (chromium_headless_shell-<revision>/…). */
function playwrightHeadlessShell(env: NodeJS.ProcessEnv): string | null {
  const dir = playwrightBrowsersDir(env);
  if (!dir || !existsSync(dir)) return null;
  const revisions = readdirSync(dir)
    .filter((name) => name.startsWith('chromium_headless_shell-'))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const revision of revisions) {
    for (const inside of ['chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const candidate = join(dir, revision, inside);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
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
    const shell = playwrightHeadlessShell(env);
    if (shell) return { path: shell, source: 'playwright headless shell' };
  }
  const dirs = [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), ...(options.fallbackDirs ?? ['/usr/bin'])];
  const candidates = [
    ...SYSTEM_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name))),
    ...(env['CHROME_BIN'] ? [env['CHROME_BIN']] : []),
    ...(options.chromeHome === null ? [] : [options.chromeHome ?? CHROME_HOME]),
  ];
  for (const candidate of candidates) {
    if (!isExecutable(candidate)) continue;
    if (isSnapChromium(candidate)) {
      options.passedOver?.push(
        `${candidate} (a snap: its confinement keeps it from reading the capture files, which would play as silence)`,
      );
      continue;
    }
    return { path: candidate, source: 'system' };
  }
  return null;
}

export const CHROMIUM_MISSING_HELP = [
  "No Chromium found (looked at CHROMIUM_PATH, Playwright's browsers, chromium, chromium-browser, google-chrome and google-chrome-stable on the PATH and in /usr/bin, CHROME_BIN, /opt/google/chrome/chrome). Any of these works:",
  "  - set CHROMIUM_PATH to a Chromium or Google Chrome executable (GitHub's ubuntu runners have /usr/bin/chromium and /usr/bin/google-chrome);",
  "  - npx playwright install chromium (downloads Playwright's Chromium and headless shell; needs the network);",
  '  - Debian or Ubuntu as root: apt-get install -y chromium (set-up does this itself when it runs as root on Debian).',
].join('\n');

/** Like findChromium, but throws with instructions when there is none. */
export function requireChromium(
  env: NodeJS.ProcessEnv = process.env,
  options: FindChromiumOptions = {},
): ChromiumLocation {
  const passedOver: string[] = [];
  const found = findChromium(env, { ...options, passedOver });
  if (!found)
    throw new Error(
      passedOver.length ? `${CHROMIUM_MISSING_HELP}\nPassed over: ${passedOver.join('; ')}.` : CHROMIUM_MISSING_HELP,
    );
  return found;
}
