/**
 * The page's audio failures as Wavecraft reports them: each gets one of Wavecraft's diagnostic
 * codes (when each applies, and its hint: AUDIO_DIAGNOSTICS in contracts/ipc/messages.ts, shown in
 * docs/protocol.md), the message that names what went wrong, and a hint that says what to do.
 */
import { audioDiagnostic, sourceFailure as contractSourceFailure } from '../../../../contracts/ipc/audioDiagnostics.ts';
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

/** The code for a source that would not start (the contract's SOURCE_FAILURES table). */
export function sourceFailure(kind: string, error: unknown): AudioDiagnostic {
  return error instanceof AudioFailure ? error.diagnostic : contractSourceFailure(kind, error);
}
