/**
 * Figure 3: parameter latency, live, on both DSP paths: setParameter calls at random intervals
 * (seeded) over the dev server, each matched to the audio frame where the worklet applied it.
 * Reports p50/p95/max in ms (send → the worklet processing that frame) and in frames, plus lost
 * and out-of-order changes, next to the render callback period at the same latency hint: a change
 * waits for the next callback, so p95 cannot go below ~0.95 of that period plus the transport.
 */
import type { DspPath } from '../contracts/wasm/dspBackend.ts';
import { seededRandom } from '../harness/signals/signals.ts';
import { DevModePage } from '../harness/page/devModePage.ts';
import { DevServerClient } from '../harness/rpc/devServerClient.ts';
import { openBrowserSession } from './browserSession.ts';
import { measureRenderCallbackPeriod, type CallbackPeriod } from './renderCallbackPeriod.ts';
import { percentile } from './stats.ts';

export interface LatencyResult {
  path: DspPath;
  /** The page's AudioContext latency hint. */
  latencyHint: string;
  /** The render callback period at that hint: the floor under the latency. */
  callback: CallbackPeriod;
  calls: number;
  ms: { p50: number; p95: number; max: number };
  frames: { p50: number; p95: number; max: number };
  lost: number;
  outOfOrder: number;
}

export async function measureParameterLatency(
  path: DspPath,
  calls: number,
  latencyHint = 'interactive',
): Promise<LatencyResult> {
  const session = await openBrowserSession();
  try {
    const probePage = await (await session.browser.newContext()).newPage();
    await probePage.goto(`${session.stack.pageOrigin}/index.html`);
    const callback = await measureRenderCallbackPeriod(
      probePage,
      48000,
      latencyHint === 'interactive' ? 'interactive' : Number(latencyHint),
    );
    await probePage.context().close();
    const page = new DevModePage(await (await session.browser.newContext()).newPage());
    await page.open(
      DevModePage.url(`${session.stack.pageOrigin}/index.html`, {
        devServerUrl: session.stack.devServerUrl,
        dsp: path,
        latencyHint,
      }),
    );
    await page.playTone({ frequencyHz: 1000, levelDb: -12 });
    await page.waitUntilReady();
    await page.startTrace();
    const rpc = await DevServerClient.connect(session.stack.devServerUrl);
    const random = seededRandom(2026);
    const sent: { value: number; at: number }[] = [];
    for (let i = 0; i < calls; i++) {
      const value = ((i % 500) + 1) / 500; // unique per call within 500 calls
      sent.push({ value, at: Date.now() });
      await rpc.call('setParameter', { id: 'output_gain_level', value });
      await new Promise((r) => setTimeout(r, 2 + random() * 28));
    }
    await page.waitForParamEvents({ output_gain_level: sent.at(-1)!.value }, 0).catch(() => undefined);
    const events = (await page.readTrace()).paramEvents.filter((e) => e.id === 'output_gain_level');
    rpc.close();
    const ms: number[] = [];
    let lost = 0;
    let outOfOrder = 0;
    let lastSeq = -1;
    for (const s of sent) {
      const e = events.find((x) => x.value === s.value);
      if (!e) {
        lost++;
        continue;
      }
      if (e.seq < lastSeq) outOfOrder++;
      lastSeq = e.seq;
      ms.push(e.appliedAtEpochMs - s.at);
    }
    const sr = (await page.status()).sampleRate ?? 48000;
    const pick = (values: number[]) => ({
      p50: percentile(values, 50),
      p95: percentile(values, 95),
      max: Math.max(...values),
    });
    const msStats = pick(ms);
    return {
      path,
      latencyHint,
      callback,
      calls,
      ms: msStats,
      frames: {
        p50: Math.round((msStats.p50 * sr) / 1000),
        p95: Math.round((msStats.p95 * sr) / 1000),
        max: Math.round((msStats.max * sr) / 1000),
      },
      lost,
      outOfOrder,
    };
  } finally {
    await session.close();
  }
}
