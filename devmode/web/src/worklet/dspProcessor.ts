/**
 * The dev-mode AudioWorkletProcessor: runs a DSP backend on each render quantum, measures
 * meters before and after it, and reports the frame at which each parameter change took effect.
 */
import type { DspBackend } from '../../../../contracts/wasm/dspBackend.ts';
import { FaultyDsp } from '../../../dsp/faults/faultyDsp.ts';
import { MockDsp } from '../../../dsp/mock/mockDsp.ts';
import { WasmDsp } from '../../../../contracts/wasm/wasmDsp.ts';
import { MeterWindowAccumulator, type MeterWindow } from './meterWindows.ts';
import { OscilloscopeTap } from './oscilloscopeTap.ts';
import { PassThroughProcessor } from './passThroughProcessor.ts';
import {
  PASS_THROUGH_PROCESSOR_NAME,
  PROCESSOR_NAME,
  type FromWorklet,
  type ProcessorOptions,
  type ToWorklet,
} from './portMessages.ts';

class DspProcessor extends AudioWorkletProcessor {
  private dsp: DspBackend | null = null;
  /** A hot-reloaded build, created on its message, taking over at the next block. */
  private next: { dsp: DspBackend; generation: number } | null = null;
  private readonly options: ProcessorOptions;
  private readonly meters: MeterWindowAccumulator;
  private readonly queue: Extract<ToWorklet, { type: 'param' }>[] = [];
  private pendingReset = false;
  private silence = new Float32Array(128);
  private started = false;
  /** `first`: the first frame actually recorded (a request that arrives late starts at the block it arrives in). */
  private capture: { id: number; from: number; frames: number; channels: Float32Array[]; first: number } | null = null;
  private readonly windowBatch: number;
  private pendingWindows: MeterWindow[] = [];
  private failed = false;
  private readonly scope: OscilloscopeTap | null;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = options.processorOptions as ProcessorOptions;
    this.options = opts;
    this.meters = new MeterWindowAccumulator(opts.windowFrames);
    this.windowBatch = Math.max(1, opts.windowBatch ?? 1);
    this.scope = opts.scopeIntervalFrames ? new OscilloscopeTap(opts.scopeIntervalFrames) : null;
    try {
      this.dsp = createBackend(opts);
      for (const [id, value] of Object.entries(opts.initialParameters)) this.dsp.setParameter(id, value);
      this.dsp.reset();
    } catch (error) {
      this.failed = true;
      this.post({ type: 'error', stage: 'start', message: `the ${opts.dsp} DSP could not start: ${describe(error)}` });
    }
    this.port.onmessage = (event: MessageEvent<ToWorklet>) => {
      if (event.data.type === 'param') this.queue.push(event.data);
      else if (event.data.type === 'reset') this.pendingReset = true;
      else if (event.data.type === 'ping') {
        this.flushWindows();
        this.post({ type: 'ack', seq: event.data.seq });
      } else if (event.data.type === 'swap') {
        const { generation, wasm, parameters } = event.data;
        try {
          // Created here, on the message, never inside process().
          const dsp = createBackend({ ...this.options, dsp: 'wasm', wasm });
          for (const [id, value] of Object.entries(parameters)) dsp.setParameter(id, value);
          dsp.reset();
          this.next = { dsp, generation };
        } catch (error) {
          this.post({
            type: 'swapFailed',
            generation,
            message: `the rebuilt wasm DSP could not start, the previous build keeps running: ${describe(error)}`,
          });
        }
      } else if (event.data.type === 'capture') {
        const { id, fromFrame, frames } = event.data;
        // Allocated here, on the message, never inside process().
        this.capture = {
          id,
          from: fromFrame,
          frames,
          channels: [0, 1, 2, 3].map(() => new Float32Array(frames)),
          first: -1,
        };
      }
    };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.failed || !this.dsp) return false;
    const output = outputs[0]!;
    const outL = output[0]!;
    const outR = output[1] ?? outL;
    // The render quantum is whatever length the buffers have; never assume 128.
    const frames = outL.length;
    const input = inputs[0] ?? [];
    if (this.silence.length < frames) this.silence = new Float32Array(frames);
    const inL = input[0] ?? this.silence;
    const inR = input[1] ?? inL; // mono input feeds both channels
    const frame = currentFrame;
    if (!this.started) {
      this.started = true;
      this.post({ type: 'firstBlock', frame, blockFrames: frames });
    }
    if (this.next) {
      this.dsp = this.next.dsp;
      this.post({ type: 'swapped', generation: this.next.generation, frame });
      this.next = null;
    }
    try {
      this.applyQueued(frame);
      this.dsp.process(inL, inR, outL, outR, frames);
    } catch (error) {
      // A trap stops this DSP for good: silence out, report once, and let the node go idle.
      this.failed = true;
      this.post({
        type: 'error',
        stage: 'process',
        message: `the ${this.dsp.kind} DSP trapped at frame ${frame}: ${describe(error)}`,
      });
      outL.fill(0);
      outR.fill(0);
      return false;
    }
    if (this.capture) this.record(frame, frames, [inL, inR, outL, outR]);
    const scope = this.scope?.add(frame, outL, outR, frames);
    if (scope)
      this.port.postMessage({ type: 'scope', ...scope } satisfies FromWorklet, [scope.left.buffer, scope.right.buffer]);
    this.meters.add(frame, frames, inL, inR, outL, outR, (w) => this.pendingWindows.push(w));
    if (this.pendingWindows.length >= this.windowBatch) this.flushWindows();
    return true;
  }

  private flushWindows(): void {
    if (this.pendingWindows.length === 0) return;
    this.post({ type: 'windows', windows: this.pendingWindows });
    this.pendingWindows = [];
  }

  /**
   * Copies the part of this block that falls in the capture span; posts the capture when full.
   * A request that arrived after its start frame had played is reported from the first frame it
   * really recorded, never padded with zeros.
   */
  private record(frame: number, frames: number, signals: Float32Array[]): void {
    const c = this.capture!;
    const start = Math.max(frame, c.from);
    const end = Math.min(frame + frames, c.from + c.frames);
    if (start < end) {
      if (c.first < 0) c.first = start;
      signals.forEach((signal, i) => c.channels[i]!.set(signal.subarray(start - frame, end - frame), start - c.from));
    }
    if (frame + frames >= c.from + c.frames) {
      const [il, ir, ol, or] = c.channels as [Float32Array, Float32Array, Float32Array, Float32Array];
      const first = c.first < 0 ? c.from + c.frames : c.first;
      this.port.postMessage(
        { type: 'captured', id: c.id, frame: c.from, first, input: [il, ir], output: [ol, or] } satisfies FromWorklet,
        [il.buffer, ir.buffer, ol.buffer, or.buffer],
      );
      this.capture = null;
    }
  }

  private applyQueued(frame: number): void {
    const dsp = this.dsp!;
    if (this.pendingReset) {
      this.pendingReset = false;
      dsp.reset();
    }
    if (this.queue.length === 0) return;
    // Date.now() is the one wall clock the worklet scope has; it matches the harness's.
    const appliedAtEpochMs = Date.now();
    while (this.queue.length > 0) {
      const change = this.queue.shift()!;
      dsp.setParameter(change.id, change.value);
      this.post({ type: 'paramApplied', id: change.id, value: change.value, seq: change.seq, frame, appliedAtEpochMs });
    }
  }

  private post(message: FromWorklet): void {
    this.port.postMessage(message);
  }
}

function createBackend(opts: ProcessorOptions): DspBackend {
  const dsp = createDsp(opts);
  return opts.fault ? new FaultyDsp(dsp, opts.fault) : dsp;
}

function createDsp(opts: ProcessorOptions): DspBackend {
  if (opts.dsp === 'mock') return new MockDsp(sampleRate);
  if (!opts.wasm) throw new Error('no WASM module was passed to the worklet');
  return WasmDsp.instantiate(opts.wasm.bytes, opts.wasm.parameterIds, sampleRate);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

registerProcessor(PROCESSOR_NAME, DspProcessor);
registerProcessor(PASS_THROUGH_PROCESSOR_NAME, PassThroughProcessor);
