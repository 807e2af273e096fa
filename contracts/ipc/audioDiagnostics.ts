/**
 * Wavecraft's audio diagnostics with a hint for each code, and the code for a WASM DSP build
 * that fails its checks — shared by the dev-mode page (a module it cannot load) and the dev
 * server (a rebuilt module it refuses on hot reload).
 */
import { WasmDspError } from '../wasm/wasmDspError.ts';
import type { AudioDiagnostic, AudioDiagnosticCode } from './messages.ts';

const HINTS: Record<AudioDiagnosticCode, string> = {
  loaderUnavailable:
    'check that the page can fetch the module (its ?wasm= URL) and that the file is a WebAssembly binary',
  vtableMissing:
    'build the DSP against the Wavecraft WASM DSP ABI v1 (docs/wasm-dsp-abi.md); the message names the export or schema field',
  processorCreateFailed: 'the DSP could not be created; `wavecraft-harness validate --wasm <module>` shows why',
  noInputDevice:
    'connect an input device, or choose the test tone or a file (headless Chromium: --use-fake-device-for-media-stream)',
  inputPermissionDenied: 'allow microphone access for this page (headless Chromium: --use-fake-ui-for-media-stream)',
  noOutputDevice: 'the browser could not open audio output; check the system audio device',
  streamStartFailed:
    'the input could not start; another application may hold the device, or the file is not audio the browser decodes',
  unknown: 'the DSP failed while running; `wavecraft-harness validate --wasm <module>` finds the input that does it',
};

export function audioDiagnostic(code: AudioDiagnosticCode, message: string): AudioDiagnostic {
  return { code, message, hint: HINTS[code] };
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
