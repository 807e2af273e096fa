/**
 * Hot reload of a DSP build, as Wavecraft's dev server does it: with audio running, the build
 * file is replaced by one with a different gain law and a different schema. The dev server checks
 * it, keeps the values of parameters that still exist, and sends `parametersChanged`; the page
 * swaps the new build into the running worklet (no reload) at a frame it reports, and the output
 * level moves there. Then a broken build: refused, the old one keeps running, and the audio
 * status says why.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { startReferenceStack } from '../../devmode/index.ts';
import { buildWatDsp, WAT_DEFAULT_SCHEMA } from '../../fixtures/wasm/watDspModule.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { DevServerClient } from '../../harness/rpc/devServerClient.ts';
import { expect, test } from '../../harness/test.ts';

test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

const TOLERANCE_DB = 0.1;
const NEW_SCHEMA = JSON.stringify([
  ...JSON.parse(WAT_DEFAULT_SCHEMA),
  { id: 'tone', name: 'Tone', type: 'float', default: 0.5, min: 0, max: 1 },
]);

/** Replaces the build the way a build tool does: a new file renamed over the old. */
function replaceBuild(path: string, bytes: Uint8Array): void {
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

test('a rebuilt DSP replaces the running one at a reported frame; a broken rebuild is refused and the old one keeps running', async ({
  audioBrowser,
  harnessConfig,
  audioHealth,
}, testInfo) => {
  test.skip(!!harnessConfig.devServerUrl || !!harnessConfig.pageUrl, 'starts its own reference stack');
  const dir = testInfo.outputPath('build');
  mkdirSync(dir, { recursive: true });
  const wasmPath = join(dir, 'plugin.wasm');
  writeFileSync(wasmPath, await buildWatDsp({ gainDb: -6 }));
  const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0, wasmPath });
  const rpc = await DevServerClient.connect(stack.devServerUrl);
  try {
    const changed: number[] = [];
    rpc.on('parametersChanged', () => changed.push(Date.now()));
    const tab = await (await audioBrowser.newContext()).newPage();
    // Its audio clock is watched like any live test's (an inconclusive verdict on a starved machine).
    const clock = audioHealth.watch(tab);
    const page = new DevModePage(tab, undefined, (n) => clock.noteCaptureDropouts(n));
    await page.open(
      DevModePage.url(`${stack.pageOrigin}/index.html`, { devServerUrl: stack.devServerUrl, dsp: 'wasm' }),
    );
    await page.selectSource('mic');
    await page.waitUntilReady();
    await page.startTrace();
    await rpc.call('setParameter', { id: 'input_trim_level', value: 0.7 });

    // 1. A build with a -12 dB gain law and one more parameter.
    replaceBuild(wasmPath, await buildWatDsp({ gainDb: -12, schema: NEW_SCHEMA }));
    await expect.poll(() => changed.length).toBe(1);
    const { parameters } = await rpc.call('getAllParameters');
    expect(parameters.map((p) => [p.id, p.value])).toEqual([
      ['input_trim_level', 0.7],
      ['tone', 0.5],
    ]);
    await expect.poll(async () => (await page.status()).dspGeneration ?? 0).toBe(1);
    const swappedAt = (await page.status()).dspSwappedAtFrame!;
    await page.waitForFrame(swappedAt + 4800);
    const { windows, windowFrames } = await page.readTrace();
    const before = windows.filter((w) => w.frame + windowFrames! <= swappedAt).at(-1)!;
    const after = windows.find((w) => w.frame >= swappedAt)!;
    // -6 dBFS in: -12 dBFS out with the old law, -18 from the swap frame on.
    expect(linearToDb(before.outputPeak[0])).toBeWithinDb(-12, TOLERANCE_DB);
    expect(linearToDb(after.outputPeak[0])).toBeWithinDb(-18, TOLERANCE_DB);
    testInfo.annotations.push({
      type: 'hot reload',
      description: `swapped at frame ${swappedAt}: ${linearToDb(before.outputPeak[0]).toFixed(2)} → ${linearToDb(after.outputPeak[0]).toFixed(2)} dBFS`,
    });

    // 2. A broken build (no wc_process): refused; the status says why; the -18 dB build keeps running.
    replaceBuild(wasmPath, await buildWatDsp({ gainDb: 0, omitExport: 'wc_process' }));
    await expect
      .poll(async () => (await rpc.call('getAudioStatus')).status)
      .toMatchObject({
        phase: 'degraded',
        diagnostic: {
          code: 'vtableMissing',
          message: expect.stringMatching(
            /previous build keeps running: WASM DSP .*plugin\.wasm: missing required export wc_process/,
          ),
        },
      });
    expect(changed).toHaveLength(1);
    expect((await rpc.call('getAllParameters')).parameters.map((p) => p.id)).toEqual(['input_trim_level', 'tone']);
    const now = (await page.status()).latestFrame;
    await page.waitForFrame(now + 9600);
    const latest = (await page.readTrace()).windows.at(-1)!;
    expect(linearToDb(latest.outputPeak[0])).toBeWithinDb(-18, TOLERANCE_DB);
    expect(await page.status()).toMatchObject({ error: null, dspGeneration: 1 });

    // 3. A good build again clears the degraded status.
    replaceBuild(wasmPath, await buildWatDsp({ gainDb: -6, schema: NEW_SCHEMA }));
    await expect.poll(() => changed.length).toBe(2);
    await expect.poll(async () => (await rpc.call('getAudioStatus')).status?.phase).toBe('runningFullDuplex');
    await expect.poll(async () => (await page.status()).dspGeneration ?? 0).toBe(2);
    expect(rpc.protocolErrors).toEqual([]);
  } finally {
    rpc.close();
    await stack.close();
  }
});
