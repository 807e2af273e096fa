/**
 * Wavecraft's audio diagnostics with the hint for each code (messages.ts), and the code for a WASM DSP build
 * that fails its checks — shared by the dev-mode page (a module it cannot load) and the dev
 * server (a rebuilt module it refuses on hot reload).
 */
import { WasmDspError } from '../wasm/wasmDspError.ts';
import { AUDIO_DIAGNOSTIC_HINTS, type AudioDiagnostic, type AudioDiagnosticCode } from './messages.ts';

export function audioDiagnostic(code: AudioDiagnosticCode, message: string): AudioDiagnostic {
  return { code, message, hint: AUDIO_DIAGNOSTIC_HINTS[code] };
}

/** The diagnostic for a module that could not be loaded or failed its ABI checks. */
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
