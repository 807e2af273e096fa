/**
 * The page's audio failures as Wavecraft reports them: each gets one of Wavecraft's diagnostic
 * codes, the message that names what went wrong, and a hint that says what to do.
 *
 * | failure                                              | code                    |
 * |------------------------------------------------------|-------------------------|
 * | the module cannot be fetched or does not compile     | `loaderUnavailable`     |
 * | the module lacks an ABI export, or its schema/version is wrong | `vtableMissing` |
 * | wc_init refuses, or the DSP traps while starting     | `processorCreateFailed` |
 * | the browser has no capture device                    | `noInputDevice`         |
 * | microphone permission denied                         | `inputPermissionDenied` |
 * | no AudioContext (no output)                          | `noOutputDevice`        |
 * | the input stream or file will not start             | `streamStartFailed`     |
 * | the DSP traps while processing; anything else        | `unknown`               |
 */
import type { AudioDiagnostic, AudioDiagnosticCode } from '../../../../contracts/ipc/messages.ts';
import { WasmDspError } from '../../../../contracts/wasm/wasmDspError.ts';

const HINTS: Record<AudioDiagnosticCode, string> = {
  loaderUnavailable: 'check that the page can fetch the module (its ?wasm= URL) and that the file is a WebAssembly binary',
  vtableMissing: 'build the DSP against the Wavecraft WASM DSP ABI v1 (docs/wasm-dsp-abi.md); the message names the export or schema field',
  processorCreateFailed: 'the DSP could not be created; `wavecraft-harness validate --wasm <module>` shows why',
  noInputDevice: 'connect an input device, or choose the test tone or a file (headless Chromium: --use-fake-device-for-media-stream)',
  inputPermissionDenied: 'allow microphone access for this page (headless Chromium: --use-fake-ui-for-media-stream)',
  noOutputDevice: 'the browser could not open audio output; check the system audio device',
  streamStartFailed: 'the input could not start; another application may hold the device, or the file is not audio the browser decodes',
  unknown: 'the DSP failed while running; `wavecraft-harness validate --wasm <module>` finds the input that does it',
};

export function audioDiagnostic(code: AudioDiagnosticCode, message: string): AudioDiagnostic {
  return { code, message, hint: HINTS[code] };
}

/** An error that already knows its diagnostic. */
export class AudioFailure extends Error {
  constructor(readonly diagnostic: AudioDiagnostic) {
    super(diagnostic.message);
  }
}

/** The code for a module the page could not load or check. */
export function moduleFailure(error: unknown): AudioFailure {
  if (error instanceof AudioFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WasmDspError) {
    if (error.code === 'WASM_COMPILE') return new AudioFailure(audioDiagnostic('loaderUnavailable', message));
    if (error.code === 'WASM_INIT_FAILED' || error.code === 'WASM_TRAP') return new AudioFailure(audioDiagnostic('processorCreateFailed', message));
    return new AudioFailure(audioDiagnostic('vtableMissing', message));
  }
  return new AudioFailure(audioDiagnostic('loaderUnavailable', message));
}

/** The code for a source that would not start (getUserMedia's DOMException names, decode errors). */
export function sourceFailure(kind: string, error: unknown): AudioDiagnostic {
  if (error instanceof AudioFailure) return error.diagnostic;
  const name = error instanceof Error ? error.name : '';
  const message = `could not start the ${kind} source: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  if (name === 'NotAllowedError' || name === 'SecurityError') return audioDiagnostic('inputPermissionDenied', message);
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return audioDiagnostic('noInputDevice', message);
  return audioDiagnostic('streamStartFailed', message);
}
