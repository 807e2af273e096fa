/**
 * Wavecraft's dev server sends parameterChanged to every client, the setParameter caller
 * included; ours does too by default. The harness must not depend on either behaviour: the same
 * parameter steps pass against a dev server that echoes to the sender and one that does not, and
 * the harness's client sees only valid messages from both.
 */
import { linearToDb } from '../../contracts/meters/decibels.ts';
import { sineLevels } from '../../harness/analysis/analyticLevels.ts';
import { assertNoLevelMisses } from '../../harness/analysis/levelExpectations.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { DevServerClient } from '../../harness/rpc/devServerClient.ts';
import { checkSettledStep } from '../../harness/steps/checkSettledStep.ts';
import { startReferenceStack } from '../../devmode/index.ts';
import { expect, test } from '../../harness/test.ts';

test.use({ inputWav: 'sine-1k-m6dbfs-mono.wav' });

for (const notifySender of [true, false]) {
  test(`parameter steps pass against a dev server that ${notifySender ? 'echoes parameterChanged to the sender' : 'tells only the others'}`, async ({
    audioBrowser,
    harnessConfig,
    audioHealth,
  }) => {
    test.skip(!!harnessConfig.devServerUrl || !!harnessConfig.pageUrl, 'starts its own reference stack');
    const stack = await startReferenceStack({ devServerPort: 0, pagePort: 0, notifySender });
    const rpc = await DevServerClient.connect(stack.devServerUrl);
    try {
      const echoes: unknown[] = [];
      rpc.on('parameterChanged', (p) => echoes.push(p));
      const tab = await (await audioBrowser.newContext()).newPage();
      // Its audio clock is watched like any live test's (an inconclusive verdict on a starved machine).
      const clock = audioHealth.watch(tab);
      const page = new DevModePage(tab, undefined, (n) => clock.noteCaptureDropouts(n));
      await page.open(
        DevModePage.url(`${stack.pageOrigin}/index.html`, { devServerUrl: stack.devServerUrl, dsp: 'mock' }),
      );
      await page.selectSource('mic');
      await page.waitUntilReady();
      await page.startTrace();
      const outcome = await checkSettledStep(rpc, page, {
        label: 'input_trim_level 0.5',
        values: { input_trim_level: 0.5 },
        input: sineLevels(-6),
        output: sineLevels(-6 + linearToDb(0.5)),
        toleranceDb: 0.1,
      });
      assertNoLevelMisses('input_trim_level 0.5', outcome.misses, outcome.problems);
      expect(echoes).toEqual(notifySender ? [{ id: 'input_trim_level', value: 0.5 }] : []);
      expect(rpc.protocolErrors).toEqual([]);
    } finally {
      rpc.close();
      await stack.close();
    }
  });
}
