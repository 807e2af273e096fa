/**
 * Figure 2: the WASM DSP's cost outside the browser, in Node: ns per stereo frame for the
 * gain-only and the full chain at block sizes 32, 128 and 1024, next to the plain-JS mock doing
 * the same gain-only work, measured in the same run.
 */
import { MockDsp, REFERENCE_WASM_PATH } from '../devmode/index.ts';
import type { DspBackend } from '../contracts/wasm/dspBackend.ts';
import { loadWasmDspFile } from '../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../contracts/wasm/wasmDsp.ts';
import { measureNsPerFrame } from '../harness/analysis/measureNsPerFrame.ts';
import { stats, type Stats } from './stats.ts';

export interface DspCostResult {
  wasmPath: string;
  blocks: Record<string, { jsGainOnly: Stats; wasmGainOnly: Stats; wasmFullChain: Stats; wasmOverJsGainOnly: number }>;
  /** The nightly trend figure: full chain at 128-frame blocks, median ns/frame. */
  fullChainNsPerFrame128: number;
}

const GAIN_ONLY = { input_trim_level: 0.7, output_gain_level: 0.7 };
const FULL_CHAIN = {
  ...GAIN_ONLY,
  soft_clip_bypass: 0,
  soft_clip_drive_db: 12,
  tone_filter_bypass: 0,
  tone_filter_mode: 0,
  tone_filter_cutoff_hz: 5000,
  tone_filter_resonance_q: 0.9,
};

/** One run (the shared measurement with one repeat; the bench interleaves its own repeats). */
const nsPerFrame = (dsp: DspBackend, block: number, totalFrames: number) =>
  measureNsPerFrame(dsp, block, totalFrames, 1).median;

export async function measureDspCost(
  wasmPath = REFERENCE_WASM_PATH,
  repeats = 7,
  totalFrames = 480_000,
): Promise<DspCostResult> {
  const { bytes, definitions } = await loadWasmDspFile(wasmPath);
  const ids = definitions.map((d) => d.id);
  const make = (kind: 'js' | 'wasm', params: Record<string, number>): DspBackend => {
    const dsp = kind === 'js' ? new MockDsp(48000) : WasmDsp.instantiate(bytes, ids, 48000);
    for (const [id, v] of Object.entries(params)) dsp.setParameter(id, v);
    dsp.reset();
    return dsp;
  };
  const blocks: DspCostResult['blocks'] = {};
  for (const block of [32, 128, 1024]) {
    const js: number[] = [];
    const gain: number[] = [];
    const full: number[] = [];
    const dsps = { js: make('js', GAIN_ONLY), gain: make('wasm', GAIN_ONLY), full: make('wasm', FULL_CHAIN) };
    for (const d of Object.values(dsps)) nsPerFrame(d, block, totalFrames / 4); // warm-up
    for (let r = 0; r < repeats; r++) {
      js.push(nsPerFrame(dsps.js, block, totalFrames));
      gain.push(nsPerFrame(dsps.gain, block, totalFrames));
      full.push(nsPerFrame(dsps.full, block, totalFrames));
    }
    const j = stats(js);
    const g = stats(gain);
    blocks[String(block)] = {
      jsGainOnly: j,
      wasmGainOnly: g,
      wasmFullChain: stats(full),
      wasmOverJsGainOnly: g.median / j.median,
    };
  }
  return { wasmPath, blocks, fullChainNsPerFrame128: blocks['128']!.wasmFullChain.median };
}
