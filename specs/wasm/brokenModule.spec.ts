/**
 * A broken WASM build fails fast and says why, on the page, in the dev server's audio status and
 * in the harness's error: a module missing an export is refused before any audio runs, and a
 * trap inside wc_process stops that audio cleanly.
 */
import { writeFileSync } from 'node:fs';
import { buildWatDsp, type WatDspOptions } from '../../fixtures/wasm/watDspModule.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { expect, test } from '../../harness/test.ts';

test.beforeEach(({ stack }) => {
  test.skip(!stack.embedded, 'checks the embedded page; a user page loads its own module');
});

async function openWithModule(
  {
    audioBrowser,
    stack,
  }: { audioBrowser: import('@playwright/test').Browser; stack: import('../../harness/test.ts').StackEndpoints },
  name: string,
  options: WatDspOptions,
  outputPath: string,
): Promise<DevModePage> {
  writeFileSync(outputPath, await buildWatDsp(options));
  const wasmUrl = stack.mount(`/test-modules/${name}`, outputPath);
  const page = await (await audioBrowser.newContext()).newPage();
  const devModePage = new DevModePage(page);
  await devModePage.open(DevModePage.url(stack.pageUrl, { devServerUrl: stack.devServerUrl, dsp: 'wasm', wasmUrl }));
  await devModePage.selectSource('mic');
  return devModePage;
}

test('a module missing wc_process is refused before any audio runs, naming wc_process', async ({
  audioBrowser,
  stack,
  rpc,
}, testInfo) => {
  const page = await openWithModule(
    { audioBrowser, stack },
    'missing-process.wasm',
    { omitExport: 'wc_process' },
    testInfo.outputPath('missing-process.wasm'),
  );

  // The harness fails with the module's message, as soon as the page reports it: not at a time limit.
  await expect(page.waitUntilReady()).rejects.toThrow(
    /^while waiting for the page to become ready .*WASM DSP \/test-modules\/missing-process\.wasm: missing required export wc_process/,
  );

  // The page shows it, and no audio ever ran.
  await expect(page.page.getByTestId('error')).toContainText('missing required export wc_process');
  expect((await page.status()).latestFrame).toBe(-1);

  // The dev server reports the audio status as failed, with Wavecraft's diagnostic.
  await expect
    .poll(async () => (await rpc.call('getAudioStatus')).status)
    .toMatchObject({
      phase: 'failed',
      diagnostic: {
        code: 'vtableMissing',
        message: expect.stringContaining('wc_process'),
        hint: expect.stringContaining('ABI'),
      },
    });
  expect(rpc.protocolErrors).toEqual([]);
});

for (const [name, options, code, says] of [
  ['init-fails.wasm', { initResult: 3 }, 'processorCreateFailed', /wc_init\(48000, \d+\) returned 3/],
  ['abi-2.wasm', { abiVersion: 2 }, 'vtableMissing', /wc_abi_version\(\) returned 2/],
] as const) {
  test(`a module whose ${code === 'processorCreateFailed' ? 'wc_init fails' : 'ABI version is wrong'} reports ${code}`, async ({
    audioBrowser,
    stack,
    rpc,
  }, testInfo) => {
    const page = await openWithModule({ audioBrowser, stack }, name, options, testInfo.outputPath(name));
    await expect(page.waitUntilReady()).rejects.toThrow(says);
    await expect
      .poll(async () => (await rpc.call('getAudioStatus')).status)
      .toMatchObject({ phase: 'failed', diagnostic: { code, message: expect.stringMatching(says) } });
    expect(rpc.protocolErrors).toEqual([]);
  });
}

test('a module the page cannot fetch reports loaderUnavailable', async ({ audioBrowser, stack, rpc }) => {
  const page = new DevModePage(await (await audioBrowser.newContext()).newPage());
  await page.open(
    DevModePage.url(stack.pageUrl, {
      devServerUrl: stack.devServerUrl,
      dsp: 'wasm',
      wasmUrl: `${stack.pageOrigin}/test-modules/not-there.wasm`,
    }),
  );
  await page.selectSource('mic');
  await expect(page.waitUntilReady()).rejects.toThrow(/HTTP 404/);
  await expect
    .poll(async () => (await rpc.call('getAudioStatus')).status)
    .toMatchObject({
      phase: 'failed',
      diagnostic: { code: 'loaderUnavailable', message: expect.stringContaining('not-there.wasm') },
    });
});

test('a trap inside wc_process stops the audio cleanly and is reported', async ({
  audioBrowser,
  stack,
  rpc,
}, testInfo) => {
  // About 0.3 s of 128-frame blocks, then `unreachable`.
  const page = await openWithModule(
    { audioBrowser, stack },
    'traps.wasm',
    { trapAfterCalls: 120 },
    testInfo.outputPath('traps.wasm'),
  );
  await expect(page.waitForFrame(48_000 * 5)).rejects.toThrow(
    /the wasm DSP trapped at frame \d+: RuntimeError: unreachable/,
  );
  await expect(page.page.getByTestId('error')).toContainText('trapped');
  await expect
    .poll(async () => (await rpc.call('getAudioStatus')).status)
    .toMatchObject({
      phase: 'failed',
      diagnostic: {
        code: 'unknown',
        message: expect.stringContaining('RuntimeError'),
        hint: expect.stringContaining('validate'),
      },
    });
  // Audio stopped: the meter clock no longer moves.
  const stoppedAt = (await page.status()).latestFrame;
  await page.page.waitForTimeout(300); // wall-clock on purpose: proving that nothing advances
  expect((await page.status()).latestFrame).toBe(stoppedAt);
});
