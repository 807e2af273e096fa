import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, requireChromium } from './findChromium.ts';
import { launchArgs } from './launchArgs.ts';

const dir = mkdtempSync(join(tmpdir(), 'chromium-test-'));
function fakeBinary(name: string, executable = true): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const path = fakeBinary('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: path, PATH: '' })).toEqual({ path, source: 'CHROMIUM_PATH' });
  });

  it('says what is wrong with a CHROMIUM_PATH that does not exist or cannot run', () => {
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'missing') })).toThrow(
      /CHROMIUM_PATH is set to ".*missing", which does not exist/,
    );
    const notExecutable = fakeBinary('not-exec', false);
    expect(() => findChromium({ CHROMIUM_PATH: notExecutable })).toThrow(/which is not executable/);
  });

  it('finds chromium, chromium-browser or google-chrome on the PATH', () => {
    const sub = mkdtempSync(join(tmpdir(), 'path-'));
    writeFileSync(join(sub, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(join(sub, 'google-chrome'), 0o755);
    const isolated = { playwright: false, fallbackDirs: [] };
    expect(findChromium({ PATH: sub }, isolated)).toEqual({ path: join(sub, 'google-chrome'), source: 'system' });
    writeFileSync(join(sub, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(sub, 'chromium'), 0o755);
    expect(findChromium({ PATH: sub }, isolated)?.path).toBe(join(sub, 'chromium'));
  });

  it('requireChromium says where it looked and every way to get one when there is none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    const none = { playwright: false, fallbackDirs: [], chromeHome: null };
    expect(findChromium({ PATH: empty }, none)).toBeNull();
    expect(() => requireChromium({ PATH: empty }, none)).toThrow(
      /No Chromium found \(looked at CHROMIUM_PATH, Playwright's browsers, .*\)[\s\S]*set CHROMIUM_PATH[\s\S]*GitHub's ubuntu runners have \/usr\/bin\/chromium[\s\S]*npx playwright install chromium[\s\S]*apt-get install -y chromium/,
    );
  });
});

describe('launchArgs', () => {
  it('always disables network chatter and autoplay gating; --no-sandbox only as root', () => {
    expect(launchArgs({ isRoot: false })).toEqual([
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--font-render-hinting=none',
    ]);
    expect(launchArgs({ isRoot: true })).toContain('--no-sandbox');
  });

  it('feeds a WAV to the fake microphone, optionally once', () => {
    const args = launchArgs({ isRoot: false, captureWav: '/x/a.wav', noLoop: true });
    expect(args).toContain('--use-fake-ui-for-media-stream');
    expect(args).toContain('--use-fake-device-for-media-stream');
    expect(args).toContain('--use-file-for-fake-audio-capture=/x/a.wav%noloop');
  });

  it("refuses a capture path with '%', which Chromium would split", () => {
    expect(() => launchArgs({ captureWav: '/x/100%.wav' })).toThrow(RangeError);
  });
});
