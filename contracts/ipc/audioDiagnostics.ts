/** A Wavecraft audio diagnostic with the hint for its code (messages.ts). */
import { AUDIO_DIAGNOSTIC_HINTS, type AudioDiagnostic, type AudioDiagnosticCode } from './messages.ts';

export function audioDiagnostic(code: AudioDiagnosticCode, message: string): AudioDiagnostic {
  return { code, message, hint: AUDIO_DIAGNOSTIC_HINTS[code] };
}
