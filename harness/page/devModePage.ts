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
import { performance } from 'node:perf_hooks';
import type { ProbeParamEvent, ProbeStatus, ProbeTrace } from '../../contracts/probe/probeApi.ts';
import { base64ToFloat32 } from '../io/float32Base64.ts';

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

  /**
   * Records `frames` frames of the worklet's raw input and output from audio-clock `fromFrame`
   * (optional probe feature). Resolves once they are in.
   */
  /** Whether the page's probe offers the optional captureAudio(). */
  async hasCaptureAudio(): Promise<boolean> {
    return this.page.evaluate(() => typeof window.wavecraftProbe?.captureAudio === 'function');
  }

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

  /** The page's audio clock, or null when the page does not answer within `stallMs`. */
  private async clock(): Promise<{ frame: number; sampleRate: number | null; status: ProbeStatus } | null> {
    let timer: NodeJS.Timeout | undefined;
    const noAnswer = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.stallMs)));
    try {
      const status = await Promise.race([this.status(), noAnswer]);
      return status ? { frame: status.latestFrame, sampleRate: status.sampleRate, status } : null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** How long the page's browser takes to answer a CDP call (ms), or null when it does not within `stallMs` / 2. */
  private async browserAnswerMs(): Promise<number | null> {
    const browser = this.page.context().browser();
    if (!browser) return null;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const noAnswer = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.stallMs / 2)));
    const ask = (async () => {
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.getVersion');
      await cdp.detach().catch(() => undefined);
      return performance.now() - started;
    })().catch(() => null);
    try {
      return await Promise.race([ask, noAnswer]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits in chunks of WAIT_CHUNK_MS while the audio clock moves. Ends with an error that names
   * what it waited for when `audioSeconds` of audio played without it, when the clock stood still
   * for `stallMs`, or when the page stopped answering.
   */
  private async waitFor<T>(
    what: string,
    wait: (options: { timeout: number; polling: number }) => Promise<T>,
    audioSeconds?: number,
  ): Promise<T> {
    const start = await this.clock();
    let lastFrame = start?.frame ?? -1;
    let lastProgressAt = performance.now();
    for (;;) {
      try {
        return await wait({ timeout: WAIT_CHUNK_MS, polling: 10 });
      } catch (error) {
        const message = (error as Error).message;
        if (!message.includes('Timeout')) throw new Error(`while waiting for ${what}: ${message.split('\n')[0]}`);
      }
      const now = await this.clock();
      if (!now) {
        // A starved machine slows everything; a hung page alone is silent while its browser answers.
        const browserMs = await this.browserAnswerMs();
        if (browserMs !== null)
          throw new Error(
            `the page hung: it did not answer for ${this.stallMs / 1000} s while waiting for ${what}, while its browser answered in ${Math.round(browserMs)} ms`,
          );
        throw new Error(
          `neither the page nor its browser answered for ${this.stallMs / 1000} s while waiting for ${what} (the machine or the browser stalled)`,
        );
      }
      if (now.frame > lastFrame) {
        lastFrame = now.frame;
        lastProgressAt = performance.now();
      }
      const played = start && start.frame >= 0 && now.sampleRate ? (now.frame - start.frame) / now.sampleRate : 0;
      if (audioSeconds !== undefined && played >= audioSeconds) {
        throw new Error(
          `${what} did not happen within ${audioSeconds} s of audio (${played.toFixed(2)} s played); probe status: ${JSON.stringify(now.status)}`,
        );
      }
      const stalledMs = performance.now() - lastProgressAt;
      if (stalledMs >= this.stallMs) {
        // The page answered all along: a clock that stands still that long is the page's own hang
        // (a real-time audio thread outranks a busy machine); one that never started may be slow.
        const status = JSON.stringify(now.status);
        if (now.frame >= 0)
          throw new Error(
            `the page hung: its audio clock stood still at frame ${now.frame} for ${(stalledMs / 1000).toFixed(1)} s while waiting for ${what}, though the page answered; probe status: ${status}`,
          );
        throw new Error(
          `the page's audio never started in ${(stalledMs / 1000).toFixed(1)} s while waiting for ${what}; probe status: ${status}`,
        );
      }
    }
  }
}

/** One waitForFunction call's span; between chunks the wait checks the audio clock. */
const WAIT_CHUNK_MS = 1000;
/** Audio a parameter change may take to reach the DSP (seen: p95 30-51 ms on a slow machine). */
const PARAMETER_AUDIO_SECONDS = 3;
/** Audio the meter display may lag the meter. */
const DISPLAY_AUDIO_SECONDS = 3;
