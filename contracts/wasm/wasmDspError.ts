/** A WASM DSP module that breaks ABI v1, with the module and the export or field at fault. */

export type WasmDspErrorCode =
  | 'WASM_COMPILE'
  | 'WASM_IMPORTS'
  | 'WASM_MISSING_EXPORT'
  | 'WASM_EXPORT_KIND'
  | 'WASM_ABI_VERSION'
  | 'WASM_SCHEMA_BOUNDS'
  | 'WASM_SCHEMA_JSON'
  | 'WASM_SCHEMA_INVALID'
  | 'WASM_INIT_FAILED'
  | 'WASM_TRAP';

export class WasmDspError extends Error {
  constructor(
    readonly code: WasmDspErrorCode,
    readonly module: string,
    /** The export or schema field at fault, e.g. 'wc_process' or '/2/min'. */
    readonly subject: string,
    problem: string,
  ) {
    super(`WASM DSP ${module}: ${problem}`);
    this.name = 'WasmDspError';
  }
}
