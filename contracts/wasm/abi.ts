/** The WASM DSP ABI v1: the exports every module must have (docs/wasm-dsp-abi.md). */

export const ABI_VERSION = 1;

/** Function exports with their parameter counts. */
export const REQUIRED_FUNCTIONS = {
  wc_abi_version: 0,
  wc_schema_ptr: 0,
  wc_schema_len: 0,
  wc_init: 2,
  wc_input_ptr: 1,
  wc_output_ptr: 1,
  wc_set_param: 2,
  wc_get_param: 1,
  wc_process: 1,
  wc_reset: 0,
} as const;

export type AbiFunctionName = keyof typeof REQUIRED_FUNCTIONS;

export interface WasmDspExports {
  memory: WebAssembly.Memory;
  wc_abi_version(): number;
  wc_schema_ptr(): number;
  wc_schema_len(): number;
  wc_init(sampleRate: number, maxFrames: number): number;
  wc_input_ptr(channel: number): number;
  wc_output_ptr(channel: number): number;
  wc_set_param(index: number, value: number): void;
  wc_get_param(index: number): number;
  wc_process(frames: number): void;
  wc_reset(): void;
}

/** Largest block the hosts here ask a module to take; longer quanta are processed in slices. */
export const HOST_MAX_FRAMES = 4096;
