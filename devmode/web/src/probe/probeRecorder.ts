/**
 * The page side of the probe: the page feeds it windows, parameter events and status,
 * and it serves them to the harness as `window.wavecraftProbe`. Self-contained, so a user's
 * own dev-mode page can install it too.
 */
import type {
  ProbeAudioCapture,
  ProbeMeterWindow,
  ProbeParamEvent,
  ProbeStatus,
  ProbeTrace,
  WavecraftProbe,
} from '../../../../contracts/probe/probeApi.ts';

export interface ProbeRecorderOptions {
  /** Cap on recorded windows; older ones are dropped past it. Default 12000 (2 min at 10 ms). */
  maxWindows?: number;
}

export class ProbeRecorder implements WavecraftProbe {
  readonly apiVersion = 1 as const;
  private readonly state: ProbeStatus = {
    apiVersion: 1,
    ready: false,
    dspPath: null,
    source: null,
    sampleRate: null,
    windowFrames: null,
    blockFrames: null,
    latestFrame: -1,
    connected: false,
    error: null,
  };
  private recording = false;
  private windows: ProbeMeterWindow[] = [];
  private events: ProbeParamEvent[] = [];
  private dropped = 0;
  private readonly maxWindows: number;
  private captureHandler: ((fromFrame: number, frames: number) => Promise<ProbeAudioCapture>) | null = null;
  private underruns: (() => { events: number; seconds: number } | null) | null = null;

  constructor(options: ProbeRecorderOptions = {}) {
    this.maxWindows = options.maxWindows ?? 12000;
  }

  /** Installs this recorder as `window.wavecraftProbe`. */
  install(target: Window = window): this {
    target.wavecraftProbe = this;
    return this;
  }

  // ---- fed by the page ----

  update(patch: Partial<Omit<ProbeStatus, 'apiVersion'>>): void {
    Object.assign(this.state, patch);
  }

  recordWindow(window: ProbeMeterWindow): void {
    const end = window.frame + (this.state.windowFrames ?? 0);
    if (end > this.state.latestFrame) this.state.latestFrame = end;
    if (!this.recording) return;
    this.windows.push(window);
    if (this.windows.length > this.maxWindows) {
      this.windows.shift();
      this.dropped++;
    }
  }

  recordParamEvent(event: ProbeParamEvent): void {
    if (this.recording) this.events.push(event);
  }

  /** Lets the page provide raw audio capture (`captureAudio`). */
  setCaptureHandler(handler: (fromFrame: number, frames: number) => Promise<ProbeAudioCapture>): void {
    this.captureHandler = handler;
  }

  /** Lets the page report render underruns (its AudioContext's playbackStats, where the browser has them). */
  setUnderrunSource(source: () => { events: number; seconds: number } | null): void {
    this.underruns = source;
  }

  // ---- read by the harness ----

  captureAudio(fromFrame: number, frames: number): Promise<ProbeAudioCapture> {
    if (!this.captureHandler) return Promise.reject(new Error('this page cannot capture audio (no audio engine yet)'));
    return this.captureHandler(fromFrame, frames);
  }

  status(): ProbeStatus {
    const underruns = this.underruns?.() ?? null;
    return underruns
      ? { ...this.state, underrunEvents: underruns.events, underrunSeconds: underruns.seconds }
      : { ...this.state };
  }

  startTrace(): void {
    this.windows = [];
    this.events = [];
    this.dropped = 0;
    this.recording = true;
  }

  readTrace(fromWindow = 0): ProbeTrace {
    return {
      sampleRate: this.state.sampleRate,
      windowFrames: this.state.windowFrames,
      windows: this.windows.slice(fromWindow),
      paramEvents: [...this.events],
      droppedWindows: this.dropped,
    };
  }

  stopTrace(): ProbeTrace {
    const trace = this.readTrace();
    this.recording = false;
    return trace;
  }
}
