/**
 * Figure 1: offline render speed in Chromium, × real time, for 60 s of stereo 48 kHz through
 * (a) source → destination, (b) a copying AudioWorklet, (c) the mock DSP with meters and probe,
 * (d) the WASM DSP full chain with meters and probe. Ratios against (b) come from the same run.
 */
import { renderOffline, type OfflineRenderRequest } from '../harness/offline/offlineRenderer.ts';
import { openBrowserSession } from './browserSession.ts';
import { stats, type Stats } from './stats.ts';

export interface ThroughputResult {
  seconds: number;
  repeats: number;
  xRealTime: Record<'bare' | 'passThrough' | 'mock' | 'wasm', Stats>;
  ratios: { mockOverPassThrough: number; wasmOverPassThrough: number };
}

const FULL_CHAIN = {
  input_trim_level: 0.7,
  soft_clip_bypass: 0,
  soft_clip_drive_db: 12,
  tone_filter_bypass: 0,
  tone_filter_mode: 0,
  tone_filter_cutoff_hz: 5000,
  tone_filter_resonance_q: 0.9,
  output_gain_level: 0.7,
};

export async function measureOfflineThroughput(seconds: number, repeats: number): Promise<ThroughputResult> {
  const session = await openBrowserSession();
  try {
    const page = await (await session.browser.newContext()).newPage();
    const origin = session.stack.pageOrigin;
    const base: OfflineRenderRequest = {
      dsp: 'mock',
      wasmUrl: `${origin}/dsp.wasm`,
      sampleRate: 48000,
      frames: seconds * 48000,
      input: { kind: 'tone', frequencyHz: 997, levelDb: -6 },
      initialParameters: {},
      events: [],
      returnAudio: false,
    };
    const variants: [keyof ThroughputResult['xRealTime'], Partial<OfflineRenderRequest>][] = [
      ['bare', { graph: 'bare' }],
      ['passThrough', { graph: 'passThrough' }],
      ['mock', { dsp: 'mock', initialParameters: { input_trim_level: 0.7, output_gain_level: 0.7 } }],
      ['wasm', { dsp: 'wasm', initialParameters: FULL_CHAIN }],
    ];
    const samples: Record<string, number[]> = { bare: [], passThrough: [], mock: [], wasm: [] };
    await renderOffline(page, origin, { ...base, frames: 48000 }); // warm-up: page, worklet module, JIT
    // Interleaved, so drift in machine load hits every variant alike.
    for (let r = 0; r < repeats; r++) {
      for (const [name, overrides] of variants) {
        const result = await renderOffline(page, origin, { ...base, ...overrides });
        samples[name]!.push((seconds * 1000) / result.renderMs);
      }
    }
    const x = Object.fromEntries(
      Object.entries(samples).map(([k, v]) => [k, stats(v)]),
    ) as ThroughputResult['xRealTime'];
    return {
      seconds,
      repeats,
      xRealTime: x,
      ratios: {
        mockOverPassThrough: x.mock.median / x.passThrough.median,
        wasmOverPassThrough: x.wasm.median / x.passThrough.median,
      },
    };
  } finally {
    await session.close();
  }
}
