/**
 * The audio status as Wavecraft reports it, for the page's input failures: a denied microphone
 * is `inputPermissionDenied`, a browser with no capture device `noInputDevice`; each arrives at
 * the dev server with its message and hint, and an independent client reads it schema-valid.
 * The same in a second Chromium build, the headless shell (Playwright's default headless browser
 * since 1.49): it cannot ask for permission at all and says `NotSupportedError`, which the page
 * reports as `inputPermissionDenied` with what works there (fake capture) and what does not.
 * (Module failures, trap and loader: specs/wasm/brokenModule.spec.ts.)
 */
import { headlessShellPath } from '../../fixtures/browsers/headlessShell.ts';
import { launchChromium } from '../../harness/browser/launchChromium.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { expect, test } from '../../harness/test.ts';

for (const [code, browserName, flags, permissions, says] of [
  // A fake device, but the permission is refused (no --use-fake-ui-for-media-stream; the context denies it). The
  // machine's Chromium may be a headless shell itself (CHROMIUM_PATH): that one says NotSupportedError.
  [
    'inputPermissionDenied',
    'chromium',
    ['--use-fake-device-for-media-stream'],
    [],
    /NotAllowedError|NotSupportedError: Not supported: this browser cannot ask/,
  ],
  // Permission given, but no capture device at all (no --use-fake-device-for-media-stream; this machine has none).
  ['noInputDevice', 'chromium', ['--use-fake-ui-for-media-stream'], ['microphone'], /NotFoundError/],
  // The headless shell, permission refused: it has no prompt and says NotSupportedError.
  [
    'inputPermissionDenied',
    'the headless shell',
    ['--use-fake-device-for-media-stream'],
    [],
    /NotSupportedError: Not supported: this browser cannot ask for microphone permission .*fake capture works .*a real microphone does not/,
  ],
] as const) {
  test(`a microphone the page cannot open reports ${code} (${browserName})`, async ({ stack, rpc, chromiumPath }) => {
    test.skip(!stack.embedded, 'checks the embedded page');
    const browser = await launchChromium(browserName === 'chromium' ? chromiumPath : headlessShellPath(), {
      extraArgs: [...flags],
    });
    try {
      const context = await browser.newContext({ permissions: [...permissions] });
      const page = new DevModePage(await context.newPage());
      await page.open(DevModePage.url(stack.pageUrl, { devServerUrl: stack.devServerUrl, dsp: 'mock' }));
      await page.selectSource('mic');
      // The page's engine may be ready (it runs without a source) before getUserMedia fails: wait for the error itself.
      await expect.poll(async () => (await page.status()).error ?? '').toMatch(says);
      // The probe carries the same failure in Wavecraft's terms.
      expect((await page.status()).diagnostic).toMatchObject({ code, message: expect.stringMatching(says) });
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
