/** The page's configuration, read from its URL query. */
import { DSP_PATHS, type DspPath } from '../../../contracts/wasm/dspBackend.ts';
import { FAULT_IDS, isFaultId, type FaultId } from '../../../contracts/faults/faultCatalogue.ts';
import { isSourceKind, SOURCE_KINDS, type SourceKind } from '../../../contracts/probe/sourceKinds.ts';

export interface PageConfig {
  /** Dev server WebSocket URL. `?ws=`; default ws://127.0.0.1:9000/. */
  devServerUrl: string;
  /** DSP path: `?dsp=mock|wasm`; default mock. */
  dsp: DspPath;
  /** URL of the WASM DSP module for `?dsp=wasm`: `?wasm=`; default ./dsp.wasm (served beside the page). */
  wasmUrl: string;
  /** Meter window in ms: `?windowMs=`; default 10. */
  windowMs: number;
  /** AudioContext sample rate: `?sampleRate=`; default 48000. */
  sampleRate: number;
  /**
   * AudioContext latency hint: `?latencyHint=interactive|balanced|playback`, or seconds (e.g.
   * 0.002); default interactive. In headless Chromium `interactive` renders 512 frames per
   * callback at 48 kHz (~10 ms) and 0.002 s 256 frames (~5 ms): the floor of parameter latency.
   */
  latencyHint: AudioContextLatencyCategory | number;
  /** Source to start with: `?source=` one of SOURCE_KINDS; default none. */
  source: SourceKind;
  /** A fault to inject around the DSP, for the harness's selfcheck: `?fault=` (contracts/faults). */
  fault: FaultId | null;
}

export function readPageConfig(search: string): PageConfig {
  const q = new URLSearchParams(search);
  const dsp = (q.get('dsp') ?? 'mock') as DspPath;
  if (!DSP_PATHS.includes(dsp)) throw new Error(`?dsp= must be one of ${DSP_PATHS.join(', ')}, got "${dsp}"`);
  const source = q.get('source') ?? 'none';
  if (!isSourceKind(source)) throw new Error(`?source= must be one of ${SOURCE_KINDS.join(', ')}, got "${source}"`);
  const windowMs = Number(q.get('windowMs') ?? 10);
  if (!(windowMs > 0 && windowMs <= 1000))
    throw new Error(`?windowMs= must be in (0, 1000], got "${q.get('windowMs')}"`);
  const sampleRate = Number(q.get('sampleRate') ?? 48000);
  if (!(sampleRate >= 8000 && sampleRate <= 192000))
    throw new Error(`?sampleRate= must be in [8000, 192000], got "${q.get('sampleRate')}"`);
  const hint = q.get('latencyHint') ?? 'interactive';
  const seconds = /^\d*\.?\d+$/.test(hint) ? Number(hint) : NaN;
  if (!['interactive', 'balanced', 'playback'].includes(hint) && !(seconds > 0 && seconds <= 1)) {
    throw new Error(`?latencyHint= must be interactive, balanced, playback or seconds in (0, 1], got "${hint}"`);
  }
  const latencyHint = Number.isNaN(seconds) ? (hint as AudioContextLatencyCategory) : seconds;
  const fault = q.get('fault');
  if (fault !== null && !isFaultId(fault))
    throw new Error(`?fault= must be one of ${FAULT_IDS.join(', ')}, got "${fault}"`);
  return {
    fault,
    latencyHint,
    devServerUrl: q.get('ws') ?? 'ws://127.0.0.1:9000/',
    wasmUrl: q.get('wasm') ?? './dsp.wasm',
    dsp,
    windowMs,
    sampleRate,
    source: source as PageConfig['source'],
  };
}
