/**
 * The WASM DSP backend: runs an ABI v1 module behind the DspBackend interface. Each block is
 * copied into the module's input buffers, processed, and copied out, in slices of at most
 * `maxFrames`. Runs inside the AudioWorklet (synchronous instantiation) and in Node.
 */
import type { DspBackend } from './dspBackend.ts';
import { HOST_MAX_FRAMES, type WasmDspExports } from './abi.ts';

export class WasmDsp implements DspBackend {
  readonly kind = 'wasm' as const;
  private readonly indexOf: Map<string, number>;
  private memory: ArrayBuffer | null = null;
  private inL!: Float32Array;
  private inR!: Float32Array;
  private outL!: Float32Array;
  private outR!: Float32Array;

  constructor(
    private readonly exports: WasmDspExports,
    /** Parameter ids in schema order (index = position). */
    parameterIds: readonly string[],
    private readonly maxFrames = HOST_MAX_FRAMES,
  ) {
    this.indexOf = new Map(parameterIds.map((id, index) => [id, index]));
  }

  /** Instantiates `bytes` synchronously (allowed off the main thread) and calls wc_init. */
  static instantiate(
    bytes: BufferSource,
    parameterIds: readonly string[],
    sampleRate: number,
    maxFrames = HOST_MAX_FRAMES,
  ): WasmDsp {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const exports = instance.exports as unknown as WasmDspExports;
    const status = exports.wc_init(sampleRate, maxFrames);
    if (status !== 0) throw new Error(`wc_init(${sampleRate}, ${maxFrames}) returned ${status}, not 0`);
    return new WasmDsp(exports, parameterIds, maxFrames);
  }

  setParameter(id: string, value: number): void {
    const index = this.indexOf.get(id);
    if (index !== undefined) this.exports.wc_set_param(index, value);
  }

  /** The module's current value of `id`, or NaN when it has no such parameter. */
  getParameter(id: string): number {
    const index = this.indexOf.get(id);
    return index === undefined ? NaN : this.exports.wc_get_param(index);
  }

  reset(): void {
    this.exports.wc_reset();
  }

  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void {
    for (let offset = 0; offset < frames; offset += this.maxFrames) {
      const n = Math.min(this.maxFrames, frames - offset);
      this.views();
      this.inL.set(inL.subarray(offset, offset + n));
      this.inR.set(inR.subarray(offset, offset + n));
      this.exports.wc_process(n);
      this.views(); // wc_process may have grown memory
      outL.set(this.outL.subarray(0, n), offset);
      outR.set(this.outR.subarray(0, n), offset);
    }
  }

  /** (Re)creates the buffer views when memory is new or has grown (growth detaches the old buffer). */
  private views(): void {
    const buffer = this.exports.memory.buffer;
    if (buffer === this.memory) return;
    this.memory = buffer;
    const view = (ptr: number) => new Float32Array(buffer, ptr >>> 0, this.maxFrames);
    this.inL = view(this.exports.wc_input_ptr(0));
    this.inR = view(this.exports.wc_input_ptr(1));
    this.outL = view(this.exports.wc_output_ptr(0));
    this.outR = view(this.exports.wc_output_ptr(1));
  }
}
