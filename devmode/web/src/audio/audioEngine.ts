/**
 * The page's audio graph: source → DSP worklet → destination, at a fixed sample rate.
 * Forwards what the worklet reports (meter windows, applied parameters, errors) to the page.
 */
import workletUrl from '../worklet/dspProcessor.ts?worker&url';
import type { MeterWindow } from '../worklet/meterWindows.ts';
import type { TapFrame } from '../worklet/oscilloscopeTap.ts';
import type { FromWorklet, ProcessorOptions, ToWorklet } from '../worklet/portMessages.ts';
import { createDspNode } from './createDspNode.ts';
import type { ActiveSource } from './audioSources.ts';
import type { AudioDiagnostic } from '../../../../contracts/ipc/messages.ts';
import { AudioFailure, audioDiagnostic, moduleFailure } from './audioDiagnostic.ts';
import { loadWasmDspForPage } from './loadWasmDspForPage.ts';

export interface AudioEngineEvents {
  onWindows(windows: MeterWindow[]): void;
  onParamApplied(change: { id: string; value: number; seq: number; frame: number; appliedAtEpochMs: number }): void;
  onFirstBlock(info: { frame: number; blockFrames: number }): void;
  onError(diagnostic: AudioDiagnostic): void;
  onScope?(frame: TapFrame): void;
  onSwapped?(swap: { generation: number; frame: number }): void;
  onSwapFailed?(failure: { generation: number; message: string }): void;
  onCaptured?(capture: Extract<FromWorklet, { type: 'captured' }>): void;
}

export class AudioEngine {
  private source: ActiveSource | null = null;

  private constructor(
    readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    /** Meter window length in frames. */
    readonly windowFrames: number,
  ) {}

  static async create(
    options: {
      sampleRate: number;
      latencyHint: AudioContextLatencyCategory | number;
      dsp: ProcessorOptions['dsp'];
      wasmUrl: string;
      windowMs: number;
      initialParameters: Record<string, number>;
      fault?: ProcessorOptions['fault'];
    },
    events: AudioEngineEvents,
  ): Promise<AudioEngine> {
    // Check the module before any audio runs: a bad build fails here, naming the export or field.
    const wasm =
      options.dsp === 'wasm'
        ? await loadWasmDspForPage(options.wasmUrl, options.sampleRate).catch((error: unknown) =>
            Promise.reject(moduleFailure(error)),
          )
        : undefined;
    let context: AudioContext;
    try {
      context = new AudioContext({ sampleRate: options.sampleRate, latencyHint: options.latencyHint });
    } catch (error) {
      throw new AudioFailure(
        audioDiagnostic('noOutputDevice', `no AudioContext: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    await context.audioWorklet
      .addModule(workletUrl)
      .catch((error: unknown) =>
        Promise.reject(
          new AudioFailure(
            audioDiagnostic('loaderUnavailable', `the DSP worklet script did not load: ${String(error)}`),
          ),
        ),
      );
    const processorOptions: ProcessorOptions = {
      dsp: options.dsp,
      ...(wasm ? { wasm } : {}),
      windowFrames: Math.round((options.windowMs / 1000) * context.sampleRate),
      initialParameters: options.initialParameters,
      ...(options.fault ? { fault: options.fault } : {}),
      // Twenty oscilloscope frames a second, as Wavecraft's UI reads them.
      scopeIntervalFrames: Math.round(context.sampleRate / 20),
    };
    const node = createDspNode(context, processorOptions);
    node.port.onmessage = (event: MessageEvent<FromWorklet>) => forwardToEvents(event.data, events);
    node.onprocessorerror = () =>
      events.onError(audioDiagnostic('unknown', 'the DSP worklet stopped with an uncaught error'));
    node.connect(context.destination);
    await context.resume();
    return new AudioEngine(context, node, processorOptions.windowFrames);
  }

  setSource(source: ActiveSource | null): void {
    this.source?.stop();
    this.source = source;
    source?.node.connect(this.node);
  }

  /**
   * Render underruns so far, from AudioContext.playbackStats where the browser has it (updated
   * about once a second); null where it does not.
   */
  underruns(): { events: number; seconds: number } | null {
    const stats = (
      this.context as AudioContext & { playbackStats?: { underrunEvents: number; underrunDuration: number } }
    ).playbackStats;
    return stats ? { events: stats.underrunEvents, seconds: stats.underrunDuration } : null;
  }

  send(message: ToWorklet): void {
    this.node.port.postMessage(message);
  }

  async close(): Promise<void> {
    this.setSource(null);
    await this.context.close();
  }
}

/** Hands a worklet message to the engine's listener. */
function forwardToEvents(message: FromWorklet, events: AudioEngineEvents): void {
  switch (message.type) {
    case 'windows':
      events.onWindows(message.windows);
      break;
    case 'paramApplied':
      events.onParamApplied(message);
      break;
    case 'firstBlock':
      events.onFirstBlock(message);
      break;
    case 'error':
      events.onError(audioDiagnostic(message.stage === 'start' ? 'processorCreateFailed' : 'unknown', message.message));
      break;
    case 'scope':
      events.onScope?.(message);
      break;
    case 'swapped':
      events.onSwapped?.(message);
      break;
    case 'swapFailed':
      events.onSwapFailed?.(message);
      break;
    case 'ack':
      break;
    case 'captured':
      events.onCaptured?.(message);
      break;
  }
}
