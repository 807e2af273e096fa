/**
 * The offline renderer's API: the dev-mode worklet, run in an OfflineAudioContext, with parameter
 * changes landing on exact frames. Deterministic: same input, same events, same output.
 */
import type { DspPath } from '../wasm/dspBackend.ts';
import type { ProbeMeterWindow } from './probeApi.ts';

export interface OfflineRenderRequest {
  dsp: DspPath;
  /** Module URL for dsp 'wasm'. */
  wasmUrl?: string;
  sampleRate: number;
  /** Length of the render in frames. */
  frames: number;
  /**
   * The input: a WAV (or any decodable file) URL, played from `startFrame` and looped; a tone; or
   * raw float32 channels (base64), e.g. a live capture, played once.
   */
  input:
    | { kind: 'file'; url: string; startFrame?: number }
    | { kind: 'tone'; frequencyHz: number; levelDb: number }
    | { kind: 'samples'; channelsBase64: string[] };
  /** Parameter values at frame 0 (before the first block). */
  initialParameters: Record<string, number>;
  /** Changes; each frame is rounded down to a render-quantum boundary. */
  events: { frame: number; values: Record<string, number> }[];
  windowMs?: number;
  /**
   * What to render through (benchmarks): 'dsp' (default) the dev-mode worklet; 'passThrough' a
   * worklet that only copies; 'bare' source straight to destination.
   */
  graph?: 'dsp' | 'passThrough' | 'bare';
  /** Return the rendered audio. Default true; benchmarks turn it off. */
  returnAudio?: boolean;
  /** A fault to inject around the DSP (contracts/faults), for selfcheck. */
  fault?: string;
}

export interface OfflineRenderResult {
  sampleRate: number;
  /** Each channel's float32 samples, base64 (little-endian). */
  channelsBase64: [string, string];
  windows: ProbeMeterWindow[];
  /** The frames at which each event took effect (as the worklet reported). */
  appliedFrames: number[];
  blockFrames: number;
  /** Wall time of startRendering() alone, ms. */
  renderMs: number;
}

export interface WavecraftOffline {
  render(request: OfflineRenderRequest): Promise<OfflineRenderResult>;
}

declare global {
  interface Window {
    wavecraftOffline?: WavecraftOffline;
  }
}
