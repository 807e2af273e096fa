/**
 * What the validator checks: a DSP behind the backend interface (contracts/wasm/dspBackend.ts),
 * created fresh at a sample rate. The WASM subject instantiates an ABI v1 module per instance and
 * watches its linear memory across every call; a JS backend (the mock) plugs in the same way.
 */
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { HOST_MAX_FRAMES, type WasmDspExports } from '../../contracts/wasm/abi.ts';
import type { DspBackend } from '../../contracts/wasm/dspBackend.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';

/** A trap (or any exception) inside a DSP call, named by the call. */
export class DspTrap extends Error {
  constructor(
    readonly call: string,
    message: string,
  ) {
    super(`${call} trapped: ${message}`);
    this.name = 'DspTrap';
  }
}

/** Linear memory grew during a call after initialisation. */
export interface MemoryGrowth {
  call: string;
  beforeBytes: number;
  afterBytes: number;
  /** Where the validator was: check, rate, block. */
  where: string;
}

export interface DspInstance {
  setParameterAt(index: number, value: number): void;
  getParameterAt(index: number): number;
  reset(): void;
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void;
}

export interface DspUnderTest {
  /** For messages and replay commands: the module path, or 'mock'. */
  name: string;
  kind: 'wasm' | 'js';
  definitions: readonly ParameterDefinition[];
  /** The largest block one call takes; the host splits longer ones. */
  maxFrames: number;
  /** A fresh instance at `sampleRate`, or the status with which the DSP refused the rate. Throws DspTrap on a trap. */
  create(sampleRate: number): DspInstance | { refused: number };
  /** Memory growth seen so far (WASM only). */
  readonly growth: MemoryGrowth[];
  /** Where the validator is now; memory growth events carry it. */
  where: string;
}

function guarded<T>(call: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DspTrap) throw error;
    throw new DspTrap(call, (error as Error).message);
  }
}

/** An ABI v1 module: one WebAssembly instance (its own memory) per DSP instance. */
export function wasmSubject(
  name: string,
  bytes: BufferSource,
  definitions: readonly ParameterDefinition[],
  maxFrames = HOST_MAX_FRAMES,
): DspUnderTest {
  const module = new WebAssembly.Module(bytes);
  const ids = definitions.map((d) => d.id);
  const subject: DspUnderTest = {
    name,
    kind: 'wasm',
    definitions,
    maxFrames,
    growth: [],
    where: '',
    create(sampleRate) {
      const exports = guarded(
        'instantiate',
        () => new WebAssembly.Instance(module, {}).exports as unknown as WasmDspExports,
      );
      const status = guarded('wc_init', () => exports.wc_init(sampleRate, maxFrames));
      if (status !== 0) return { refused: status };
      const dsp = new WasmDsp(exports, ids, maxFrames);
      let bytesNow = exports.memory.buffer.byteLength;
      const watched = <T>(call: string, fn: () => T): T => {
        const result = guarded(call, fn);
        const after = exports.memory.buffer.byteLength;
        if (after !== bytesNow) {
          subject.growth.push({ call, beforeBytes: bytesNow, afterBytes: after, where: subject.where });
          bytesNow = after;
        }
        return result;
      };
      return {
        setParameterAt: (index, value) =>
          watched(`wc_set_param(${index}, ${value})`, () => exports.wc_set_param(index, value)),
        getParameterAt: (index) => watched(`wc_get_param(${index})`, () => exports.wc_get_param(index)),
        reset: () => watched('wc_reset', () => exports.wc_reset()),
        process: (inL, inR, outL, outR, frames) =>
          watched('wc_process', () => dsp.process(inL, inR, outL, outR, frames)),
      };
    },
  };
  return subject;
}

/** A JS backend (e.g. the mock DSP) with the definitions of the parameters it implements. */
export function backendSubject(
  name: string,
  definitions: readonly ParameterDefinition[],
  make: (sampleRate: number) => DspBackend,
  maxFrames = HOST_MAX_FRAMES,
): DspUnderTest {
  const ids = definitions.map((d) => d.id);
  return {
    name,
    kind: 'js',
    definitions,
    maxFrames,
    growth: [],
    where: '',
    create(sampleRate) {
      const dsp = guarded('create', () => make(sampleRate));
      return {
        setParameterAt: (index, value) =>
          guarded(`setParameter(${ids[index]}, ${value})`, () => dsp.setParameter(ids[index]!, value)),
        getParameterAt: (index) => guarded(`getParameter(${ids[index]})`, () => dsp.getParameter(ids[index]!)),
        reset: () => guarded('reset', () => dsp.reset()),
        process: (inL, inR, outL, outR, frames) => {
          for (let offset = 0; offset < frames; offset += maxFrames) {
            const n = Math.min(maxFrames, frames - offset);
            guarded('process', () =>
              dsp.process(inL.subarray(offset), inR.subarray(offset), outL.subarray(offset), outR.subarray(offset), n),
            );
          }
        },
      };
    },
  };
}
