/**
 * The dev server dies mid-scenario. The harness fails the run at once with "dev server
 * connection lost at step N" (no waiting for a timeout); the page shows it is disconnected,
 * reconnects with backoff when the server is back, re-reads getAllParameters and re-applies them
 * to the DSP; and the next run against the restarted server passes.
 */
import { DevServer, loadParameterDefinitions } from '../../devmode/index.ts';
import { DevModePage } from '../../harness/page/devModePage.ts';
import { DevServerClient } from '../../harness/rpc/devServerClient.ts';
import { runLiveScenario } from '../../harness/scenarios/liveScenario.ts';
import type { Scenario } from '../../harness/scenarios/scenario.ts';
import { measureSettled } from '../../harness/steps/parameterStep.ts';
import { expect, test } from '../../harness/test.ts';

const scenario = (levels: number[]): Scenario => ({
  name: 'restart',
  file: 'inline',
  description: 'input_trim_level steps',
  input: 'sine-1k-m6dbfs-mono.wav',
  source: 'mic',
  paths: ['mock'],
  steps: levels.map((level) => ({ set: { input_trim_level: level }, holdSeconds: 0.4 })),
  tolerances: { levelDb: 0.1, offlineSnrDb: 120, liveSnrDb: 60 },
  settleSeconds: 0.05,
  live: true,
  strict: false,
});

test('a dev server killed mid-scenario fails the run clearly; the page reconnects and re-applies; the next run passes', async ({
  audioBrowser,
  stack,
  audioHealth,
}) => {
  test.skip(!stack.embedded, 'restarts the embedded dev server');
  const definitions = await loadParameterDefinitions(stack.wasmPath);
  const first = new DevServer({ definitions, port: 0, allowedOrigins: [stack.pageOrigin] });
  const { port, url } = await first.listen();
  const tab = await (await audioBrowser.newContext()).newPage();
  // Its audio clock is watched like any live test's (an inconclusive verdict on a starved machine).
  const clock = audioHealth.watch(tab);
  const page = new DevModePage(tab, undefined, (n) => clock.noteCaptureDropouts(n));
  await page.open(DevModePage.url(stack.pageUrl, { devServerUrl: url, dsp: 'mock' }));
  await page.selectSource('mic');
  await page.waitUntilReady();
  const rpc = await DevServerClient.connect(url);

  // Kill the server while step 2 holds.
  const run = runLiveScenario(rpc, [page], scenario([1, 0.5, 0.25, 0.125]), 'mock');
  run.catch(() => undefined);
  await page.waitForParamEvents({ input_trim_level: 0.5 }, 0);
  await first.close();
  // Failed on the closed connection itself (its close code), not at an RPC or audio time limit.
  await expect(run).rejects.toThrow(/^dev server connection lost at step 2 \(connection closed \(code 1006/);
  await expect(page.page.getByTestId('connection-status')).toHaveText('disconnected');

  // The server comes back on the same port, holding input_trim_level 0.25 (-12.04 dB).
  const second = new DevServer({ definitions, port, allowedOrigins: [stack.pageOrigin] });
  second.parameters.set('input_trim_level', 0.25);
  await second.listen();
  try {
    await expect(page.page.getByTestId('connection-status')).toHaveText('connected');
    const [reapplied] = await page.waitForParamEvents({ input_trim_level: 0.25 }, 0);
    const { levels } = await measureSettled(page, { effectiveFrame: reapplied!.frame }, { expectedInput: 'median' });
    expect(levels.output.peakDb[0]).toBeWithinDb(-18.04, 0.05);

    // The next run against the restarted server passes.
    const fresh = await DevServerClient.connect(url);
    const next = await runLiveScenario(fresh, [page], scenario([1, 0.5]), 'mock');
    expect(next.takes[0]!.steps.map((s) => s.output.peakDb[0])).toEqual([-6, -12.02]);
    fresh.close();
  } finally {
    await second.close();
  }
});
