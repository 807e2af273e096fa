/**
 * The audio status as Wavecraft reports it, for the page's input failures: a denied microphone
 * is `inputPermissionDenied`, a browser with no capture device `noInputDevice`; each arrives at
 * the dev server with its message and hint, and an independent client reads it schema-valid.
 * (Module failures, trap and loader: specs/wasm/brokenModule.spec.ts.)
 */
import { chromium } from '@playwright/test';
import { BASE_FLAGS } from '../../harness/browser/launchArgs.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { expect, test } from '../../harness/test.ts';

const root = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];

for (const [code, flags, permissions, says] of [
  // A fake device, but the permission is refused (no --use-fake-ui-for-media-stream; the context denies it).
  ['inputPermissionDenied', ['--use-fake-device-for-media-stream'], [], /NotAllowedError/],
  // Permission given, but no capture device at all (no --use-fake-device-for-media-stream; this machine has none).
  ['noInputDevice', ['--use-fake-ui-for-media-stream'], ['microphone'], /NotFoundError/],
] as const) {
  test(`a microphone the page cannot open reports ${code}`, async ({ stack, rpc, chromiumPath }) => {
    test.skip(!stack.embedded, 'checks the embedded page');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...BASE_FLAGS, ...root, ...flags],
    });
    try {
      const context = await browser.newContext({ permissions: [...permissions] });
      const page = new DevModePage(await context.newPage());
      await page.open(DevModePage.url(stack.pageUrl, { devServerUrl: stack.devServerUrl, dsp: 'mock' }));
      await page.selectSource('mic');
      // The page's engine may be ready (it runs without a source) before getUserMedia fails: wait for the error itself.
      await expect.poll(async () => (await page.status()).error ?? '').toMatch(says);
      await expect
        .poll(async () => (await rpc.call('getAudioStatus')).status)
        .toMatchObject({
          phase: 'failed',
          diagnostic: { code, message: expect.stringMatching(says), hint: expect.any(String) },
        });
      expect(rpc.protocolErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
