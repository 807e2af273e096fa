/**
 * The Chromium search against each kind of Chromium there is here, laid out as the machines users
 * run on have them, and each one found then started: Debian's package (on the PATH), Playwright's
 * headless shell in its browsers folder (the 153 headless shell of @sparticuz/chromium stands in
 * for it), Google Chrome in /opt/google/chrome and through CHROME_BIN (GitHub's ubuntu runners set
 * it), and a snap's wrapper script, which is passed over with the reason.
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { headlessShellPath } from '../../fixtures/browsers/headlessShell.ts';
import { findChromium, requireChromium, type FindChromiumOptions } from './findChromium.ts';
import { launchChromium } from './launchChromium.ts';

const debian = requireChromium({ PATH: '/usr/bin' }, { playwright: false }).path;
const root = mkdtempSync(join(tmpdir(), 'chromium-kinds-'));
const none = { playwright: false, fallbackDirs: [], chromeHome: null } satisfies FindChromiumOptions;

function linkAt(path: string, target: string): string {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
  return path;
}

const versions: string[] = [];
async function versionOf(path: string): Promise<string> {
  const browser = await launchChromium(path);
  try {
    versions.push(browser.version());
    return browser.version();
  } finally {
    await browser.close();
  }
}

describe('the Chromium search, on each kind of Chromium', () => {
  afterAll(() => console.log(`[chromium kinds] started: ${versions.join(', ')}`));

  it("Debian's chromium, on the PATH", async () => {
    expect(findChromium({ PATH: dirname(debian) }, none)).toEqual({ path: debian, source: 'system' });
    expect(await versionOf(debian)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("Playwright's headless shell, in PLAYWRIGHT_BROWSERS_PATH (newest revision first)", async () => {
    const browsers = join(root, 'ms-playwright');
    linkAt(join(browsers, 'chromium_headless_shell-1100', 'chrome-linux', 'headless_shell'), debian);
    const shell = linkAt(
      join(browsers, 'chromium_headless_shell-1200', 'chrome-linux', 'headless_shell'),
      headlessShellPath(),
    );
    const found = findChromium({ PATH: '', PLAYWRIGHT_BROWSERS_PATH: browsers }, { ...none, playwright: true });
    // Playwright's own full Chromium comes first when it is installed; this machine has none.
    expect(found).toEqual({ path: shell, source: 'playwright headless shell' });
    expect(await versionOf(shell)).toMatch(/^153\./);
  });

  it('Google Chrome in /opt/google/chrome, and through CHROME_BIN', async () => {
    const chromeHome = linkAt(join(root, 'opt/google/chrome/chrome'), debian);
    expect(findChromium({ PATH: '' }, { ...none, chromeHome })).toEqual({ path: chromeHome, source: 'system' });
    const bin = linkAt(join(root, 'usr/bin/google-chrome-via-env'), debian);
    expect(findChromium({ PATH: '', CHROME_BIN: bin }, none)).toEqual({ path: bin, source: 'system' });
    expect(await versionOf(chromeHome)).toBe(await versionOf(debian));
  });

  it("passes over a snap's chromium wrapper, saying why, and takes the next one", () => {
    const snapDir = join(root, 'snapbin');
    mkdirSync(snapDir, { recursive: true });
    writeFileSync(join(snapDir, 'chromium-browser'), '#!/bin/sh\nexec /snap/bin/chromium "$@"\n');
    chmodSync(join(snapDir, 'chromium-browser'), 0o755);
    const chrome = linkAt(join(snapDir, 'google-chrome'), debian);
    const passedOver: string[] = [];
    expect(findChromium({ PATH: snapDir }, { ...none, passedOver })).toEqual({ path: chrome, source: 'system' });
    expect(passedOver).toEqual([
      expect.stringMatching(/chromium-browser \(a snap: its confinement keeps it from reading the capture files/),
    ]);
    const alone = join(root, 'snaponly');
    mkdirSync(alone);
    symlinkSync(join(snapDir, 'chromium-browser'), join(alone, 'chromium'));
    expect(() => requireChromium({ PATH: alone }, none)).toThrow(
      /No Chromium found[\s\S]*Passed over: .*chromium \(a snap/,
    );
  });
});
