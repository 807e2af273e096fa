/**
 * The Wavecraft audio diagnostic for a WASM DSP build that cannot be loaded or fails its ABI
 * checks: shared by the dev-mode page (a module it cannot load) and the dev server (a rebuilt
 * module it refuses on hot reload).
 */
import { audioDiagnostic } from '../ipc/audioDiagnostics.ts';
import type { AudioDiagnostic } from '../ipc/messages.ts';
import { WasmDspError } from './wasmDspError.ts';

export function wasmModuleDiagnostic(error: unknown): AudioDiagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WasmDspError) {
    if (error.code === 'WASM_COMPILE') return audioDiagnostic('loaderUnavailable', message);
    if (error.code === 'WASM_INIT_FAILED' || error.code === 'WASM_TRAP')
      return audioDiagnostic('processorCreateFailed', message);
    return audioDiagnostic('vtableMissing', message);
  }
  return audioDiagnostic('loaderUnavailable', message);
}
