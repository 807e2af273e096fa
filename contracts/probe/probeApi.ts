/**
 * The probe API, version 1: what the harness reads from a dev-mode page through
 * `window.wavecraftProbe`. Any page that installs an object of this shape can be tested.
 * See docs/probe.md.
 */

import type { AudioDiagnostic } from '../ipc/messages.ts';
import type { MeterWindow } from '../meters/meterWindow.ts';

/** Linear meter levels of one window (the contract's MeterWindow). */
export type ProbeMeterWindow = MeterWindow;

/** The dev-mode page's audio sources (what `status().source` reports, what the harness selects). */
export type { SourceKind } from './sourceKinds.ts';

/** A parameter change as the DSP applied it. */
export interface ProbeParamEvent {
  /** Page-local sequence number, increasing in arrival order. */
  seq: number;
  id: string;
  value: number;
  /** First audio-clock frame processed with the new value. */
  frame: number;
  /** Wall clock (ms since the Unix epoch) when the page received the change. */
  receivedAtEpochMs: number;
  /** Wall clock (ms since the Unix epoch) at which the worklet processed `frame`. */
  appliedAtEpochMs: number;
}

export interface ProbeStatus {
  apiVersion: 1;
  /** True once audio runs through the DSP and meter windows flow. */
  ready: boolean;
  /** 'mock' or 'wasm' (or a user page's own name). */
  dspPath: string | null;
  /** The audio source: 'none', 'tone', 'mic' or 'file'. */
  source: string | null;
  sampleRate: number | null;
  /**
   * Optional: the capture device's own rate, Hz, when the source is a microphone (its track's
   * `getSettings().sampleRate`; Chromium's fake capture runs at 44100), else null. Kept with each
   * golden: a capture at another rate resamples differently.
   */
  captureSampleRate?: number | null;
  windowFrames: number | null;
  /** Render quantum length as read from the worklet's buffers. */
  blockFrames: number | null;
  /** End frame (exclusive) of the newest meter window, or -1 before the first. */
  latestFrame: number;
  /** Whether the page is connected to the dev server. */
  connected: boolean;
  /** Set when audio or the DSP failed; the page shows the same text. */
  error: string | null;
  /**
   * Optional: the failure in Wavecraft's terms, as the page reported it to the dev server
   * (`registerAudio` with phase `failed`): its code, message and hint. docs/probe.md lists which
   * browser errors give which code (a headless shell's `NotSupportedError` for a microphone it
   * cannot ask permission for: `inputPermissionDenied`).
   */
  diagnostic?: AudioDiagnostic | null;
  /**
   * Optional (hot reload): how many rebuilt DSP builds have taken over since the page loaded, and
   * the audio-clock frame from which the latest one runs.
   */
  dspGeneration?: number;
  dspSwappedAtFrame?: number;
  /**
   * Optional (audio health): render underruns since the AudioContext started, as the browser
   * reports them (AudioContext.playbackStats). The harness judges a test inconclusive when the
   * machine starved the audio; see harness/health/audioHealth.ts.
   */
  underrunEvents?: number;
  underrunSeconds?: number;
}

export interface ProbeTrace {
  sampleRate: number | null;
  windowFrames: number | null;
  windows: ProbeMeterWindow[];
  paramEvents: ProbeParamEvent[];
  /** Windows dropped because the trace outgrew its cap. */
  droppedWindows: number;
}

/** Raw audio the worklet saw: input (pre-DSP) and output (post-DSP), float32 little-endian, base64. */
export interface ProbeAudioCapture {
  /** Audio-clock frame of the first sample. */
  frame: number;
  sampleRate: number;
  input: [string, string];
  output: [string, string];
}

export interface WavecraftProbe {
  readonly apiVersion: 1;
  status(): ProbeStatus;
  /** Clears the trace and starts recording meter windows and parameter events. */
  startTrace(): void;
  /** The trace so far; windows from index `fromWindow` on (default 0). Recording continues. */
  readTrace(fromWindow?: number): ProbeTrace;
  /** The trace so far; recording stops. */
  stopTrace(): ProbeTrace;
  /**
   * Optional: records `frames` frames of raw input and output from audio-clock `fromFrame`
   * (which may lie in the future) and resolves once they are in.
   */
  captureAudio?(fromFrame: number, frames: number): Promise<ProbeAudioCapture>;
}

declare global {
  interface Window {
    wavecraftProbe?: WavecraftProbe;
  }
}
