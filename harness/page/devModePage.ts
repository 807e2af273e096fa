/**
 * Drives a dev-mode page through its UI and reads it through the probe (`window.wavecraftProbe`).
 * Every wait is on the audio clock or on page state, never a wall-clock limit: a wait goes on
 * while the audio clock moves, however slowly the machine lets it, and ends
 * - when the condition holds;
 * - when a stated amount of *audio* has played without it (a real failure: "did not happen within
 *   3 s of audio");
 * - when the audio clock stands still, or the page does not answer, for `stallMs` of wall time
 *   (the page hung; the test's audio health then tells a hung page from a starved machine).
 */
import type { Page } from '@playwright/test';
import type { ProbeParamEvent, ProbeStatus, ProbeTrace } from '../../contracts/probe/probeApi.ts';
import { base64ToFloat32 } from '../io/float32Base64.ts';
import { waitOnAudioClock } from './audioClockWait.ts';

export interface AudioCapture {
  /** Audio-clock frame of the first sample. */
  frame: number;
  sampleRate: number;
  input: [Float32Array, Float32Array];
  output: [Float32Array, Float32Array];
}

export type { SourceKind } from '../../contracts/probe/probeApi.ts';
import type { SourceKind } from '../../contracts/probe/probeApi.ts';

export interface MeterDisplayRow {
  peakDb: number;
  rmsDb: number;
  /** Audio-clock span of the reading: first frame and length. */
  frame: number;
  frames: number;
  text: string;
}

export interface MeterDisplayReading {
  output: [MeterDisplayRow, MeterDisplayRow];
  input: [MeterDisplayRow, MeterDisplayRow];
}

export class DevModePage {
  constructor(
    readonly page: Page,
    /**
     * Wall time without audio-clock progress, or without an answer from the page, after which a wait says the page
     * hung. Default 20 s.
     */
    private readonly stallMs = 20_000,
    /** Told of capture dropouts the measurements find (the test's audio health). */
    readonly onCaptureDropouts: (count: number) => void = () => undefined,
  ) {}

  /** Builds the page URL with its query configuration. */
  static url(
    pageUrl: string,
    query: {
      devServerUrl: string;
      dsp: string;
      wasmUrl?: string;
      windowMs?: number;
      latencyHint?: string;
      fault?: string | null;
      sampleRate?: number;
    },
  ): string {
    const url = new URL(pageUrl);
    url.searchParams.set('ws', query.devServerUrl);
    url.searchParams.set('dsp', query.dsp);
    if (query.wasmUrl !== undefined) url.searchParams.set('wasm', query.wasmUrl);
    if (query.windowMs !== undefined) url.searchParams.set('windowMs', String(query.windowMs));
    if (query.latencyHint !== undefined) url.searchParams.set('latencyHint', query.latencyHint);
    if (query.fault) url.searchParams.set('fault', query.fault);
    if (query.sampleRate !== undefined) url.searchParams.set('sampleRate', String(query.sampleRate));
    return url.toString();
  }

  async open(url: string): Promise<void> {
    // Loading is not audio: a navigation is judged by whether it ends, however slowly (the test's own timeout is the
    // backstop).
    await this.page.goto(url, { timeout: 0 });
    await this.page
      .waitForFunction(() => window.wavecraftProbe?.apiVersion === 1, undefined, { timeout: this.stallMs })
      .catch(() => {
        throw new Error(
          `the page at ${url} has no wavecraftProbe (apiVersion 1) ${this.stallMs / 1000} s after it loaded; see docs/probe.md`,
        );
      });
  }

  async selectSource(kind: SourceKind): Promise<void> {
    await this.page.getByTestId('source-select').selectOption(kind);
  }

  /** Plays `path` through the page's file input (decoded by the page and looped). */
  async playFile(path: string): Promise<void> {
    await this.page.getByTestId('source-file').setInputFiles(path);
  }

  /** Plays the page's test tone. */
  async playTone(tone: { frequencyHz: number; levelDb: number }): Promise<void> {
    await this.page.getByTestId('tone-frequency').fill(String(tone.frequencyHz));
    await this.page.getByTestId('tone-level').fill(String(tone.levelDb));
    await this.selectSource('tone');
  }

  async status(): Promise<ProbeStatus> {
    return this.page.evaluate(() => window.wavecraftProbe!.status());
  }

  /** Waits until audio runs through the DSP with the server's parameters; throws the page's error if it reports one. */
  async waitUntilReady(): Promise<ProbeStatus> {
    await this.waitFor('the page to become ready (audio running, parameters loaded)', (options) =>
      this.page.waitForFunction(
        () => {
          const s = window.wavecraftProbe!.status();
          // A page that reports its failure in Wavecraft's terms gets its code and hint said too.
          const d = s.diagnostic;
          if (s.error) throw new Error(d ? `${d.code}: ${s.error}${d.hint ? ` (${d.hint})` : ''}` : s.error);
          return s.ready;
        },
        undefined,
        options,
      ),
    );
    return this.status();
  }

  async startTrace(): Promise<void> {
    await this.page.evaluate(() => window.wavecraftProbe!.startTrace());
  }

  async readTrace(fromWindow = 0): Promise<ProbeTrace> {
    return this.page.evaluate((from) => window.wavecraftProbe!.readTrace(from), fromWindow);
  }

  /**
   * Waits until the DSP has applied every `id → value` in `values`, among the trace's events from
   * index `fromEvent` on; returns the matching events (the latest per id).
   */
  async waitForParamEvents(values: Record<string, number>, fromEvent: number): Promise<ProbeParamEvent[]> {
    const handle = await this.waitFor(
      `the DSP to apply ${JSON.stringify(values)}`,
      (options) =>
        this.page.waitForFunction(
          ({ values, fromEvent }) => {
            const probe = window.wavecraftProbe!;
            const s = probe.status();
            if (s.error) throw new Error(s.error);
            const events = probe.readTrace(Number.MAX_SAFE_INTEGER).paramEvents.slice(fromEvent);
            const found = Object.entries(values).map(([id, value]) =>
              events.filter((e) => e.id === id && e.value === value).at(-1),
            );
            return found.every((e) => e !== undefined) ? found : null;
          },
          { values, fromEvent },
          options,
        ),
      PARAMETER_AUDIO_SECONDS,
    );
    return (await handle.jsonValue()) as ProbeParamEvent[];
  }

  /** Waits until meter windows cover the audio clock up to `frame` (exclusive). */
  async waitForFrame(frame: number): Promise<void> {
    await this.waitFor(`audio frame ${frame}`, (options) =>
      this.page.waitForFunction(
        (target) => {
          const s = window.wavecraftProbe!.status();
          if (s.error) throw new Error(s.error);
          return s.latestFrame >= target;
        },
        frame,
        options,
      ),
    );
  }

  /**
   * Waits (on the audio clock, from now) until the input meter shows sound at or above
   * `thresholdDb`; resolves false if `maxSeconds` of audio pass in silence.
   */
  async waitForInputSound(thresholdDb: number, maxSeconds: number): Promise<boolean> {
    const handle = await this.waitFor(`input sound within ${maxSeconds} s of audio`, (options) =>
      this.page.waitForFunction(
        ({ thresholdDb, maxSeconds }) => {
          const probe = window.wavecraftProbe!;
          const s = probe.status();
          if (s.error) throw new Error(s.error);
          const threshold = 10 ** (thresholdDb / 20);
          const windows = probe.readTrace(0).windows;
          if (windows.some((w) => Math.max(w.inputPeak[0], w.inputPeak[1]) >= threshold)) return 'sound';
          const first = windows[0]?.frame;
          return first !== undefined && s.latestFrame - first >= maxSeconds * s.sampleRate! ? 'silent' : null;
        },
        { thresholdDb, maxSeconds },
        options,
      ),
    );
    return (await handle.jsonValue()) === 'sound';
  }

  /** Whether the page's probe offers the optional captureAudio(). */
  async hasCaptureAudio(): Promise<boolean> {
    return this.page.evaluate(() => typeof window.wavecraftProbe?.captureAudio === 'function');
  }

  /**
   * Records `frames` frames of the worklet's raw input and output from audio-clock `fromFrame`
   * (optional probe feature). Resolves once they are in.
   */
  async captureAudio(fromFrame: number, frames: number): Promise<AudioCapture> {
    const c = await this.page.evaluate(
      ({ fromFrame, frames }) => {
        const probe = window.wavecraftProbe!;
        if (!probe.captureAudio) throw new Error("this page's probe has no captureAudio()");
        return probe.captureAudio(fromFrame, frames);
      },
      { fromFrame, frames },
    );
    return {
      frame: c.frame,
      sampleRate: c.sampleRate,
      input: [base64ToFloat32(c.input[0]), base64ToFloat32(c.input[1])],
      output: [base64ToFloat32(c.output[0]), base64ToFloat32(c.output[1])],
    };
  }

  /** Waits until the meter display shows a reading that starts at or after `frame`. */
  async waitForDisplayFrom(frame: number): Promise<void> {
    await this.waitFor(
      `the meter display to show frame ${frame} or later`,
      (options) =>
        this.page.waitForFunction(
          (target) => {
            const row = document.querySelector<HTMLElement>('[data-testid="meter-output-left"]');
            return Number(row?.dataset['frame'] ?? -1) >= target;
          },
          frame,
          options,
        ),
      DISPLAY_AUDIO_SECONDS,
    );
  }

  /**
   * Reads the meter display's exact values from its data attributes, and its text: every row in
   * one evaluation, so all rows come from the same display update (separate round trips could
   * read L from one update and R from the next).
   */
  async readMeterDisplay(): Promise<MeterDisplayReading> {
    const rows = await this.page.evaluate(() =>
      ['meter-output-left', 'meter-output-right', 'meter-input-left', 'meter-input-right'].map((id) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        if (!el) throw new Error(`the meter display has no row [data-testid="${id}"]`);
        const d = el.dataset;
        return {
          peakDb: Number(d['peakDb']),
          rmsDb: Number(d['rmsDb']),
          frame: Number(d['frame']),
          frames: Number(d['frames']),
          text: el.innerText,
        };
      }),
    );
    return { output: [rows[0]!, rows[1]!], input: [rows[2]!, rows[3]!] };
  }

  /** A wait on the audio clock (audioClockWait.ts): the page's stall policy. */
  private waitFor<T>(
    what: string,
    wait: (options: { timeout: number; polling: number }) => Promise<T>,
    audioSeconds?: number,
  ): Promise<T> {
    return waitOnAudioClock(this.page, { stallMs: this.stallMs, what, audioSeconds }, wait, () => this.status());
  }
}

/** Audio a parameter change may take to reach the DSP (seen: p95 30-51 ms on a slow machine). */
const PARAMETER_AUDIO_SECONDS = 3;
/** Audio the meter display may lag the meter. */
const DISPLAY_AUDIO_SECONDS = 3;
