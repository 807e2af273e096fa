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
 * | microphone permission denied, or a headless shell that cannot ask (`NotSupportedError`) | `inputPermissionDenied` |
 * | no AudioContext (no output)                          | `noOutputDevice`        |
 * | the input stream or file will not start             | `streamStartFailed`     |
 * | the DSP traps while processing; anything else        | `unknown`               |
 */
import { audioDiagnostic } from '../../../../contracts/ipc/audioDiagnostics.ts';
import { wasmModuleDiagnostic } from '../../../../contracts/wasm/wasmModuleDiagnostic.ts';
import type { AudioDiagnostic } from '../../../../contracts/ipc/messages.ts';

export { audioDiagnostic };

/** An error that already knows its diagnostic. */
export class AudioFailure extends Error {
  constructor(readonly diagnostic: AudioDiagnostic) {
    super(diagnostic.message);
  }
}

/** The code for a module the page could not load or check. */
export function moduleFailure(error: unknown): AudioFailure {
  return error instanceof AudioFailure ? error : new AudioFailure(wasmModuleDiagnostic(error));
}

/**
 * What a Chromium headless shell (Playwright's default headless browser since 1.49) says when the
 * page asks for a microphone without permission: it has no prompt to ask with. What works there.
 */
export const NO_PERMISSION_PROMPT =
  'this browser cannot ask for microphone permission (a headless shell has no permission prompt, and no real microphone): fake capture works when it is started with --use-fake-ui-for-media-stream and --use-fake-device-for-media-stream (the harness does), a real microphone does not';

/** The code for a source that would not start (getUserMedia's DOMException names, decode errors). */
export function sourceFailure(kind: string, error: unknown): AudioDiagnostic {
  if (error instanceof AudioFailure) return error.diagnostic;
  const name = error instanceof Error ? error.name : '';
  const message = `could not start the ${kind} source: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  if (name === 'NotAllowedError' || name === 'SecurityError') return audioDiagnostic('inputPermissionDenied', message);
  if (name === 'NotSupportedError' && kind === 'mic')
    return audioDiagnostic('inputPermissionDenied', `${message}: ${NO_PERMISSION_PROMPT}`);
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return audioDiagnostic('noInputDevice', message);
  return audioDiagnostic('streamStartFailed', message);
}
