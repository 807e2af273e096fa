/**
 * A Wavecraft audio diagnostic with the hint for its code (messages.ts), and how a page maps a
 * source that will not start to a code: one table (`SOURCE_FAILURES`), which the reference page
 * follows and docs/probe.md shows (generated), so a user's page can keep the same codes.
 */
import { AUDIO_DIAGNOSTICS, type AudioDiagnostic, type AudioDiagnosticCode } from './messages.ts';

export function audioDiagnostic(code: AudioDiagnosticCode, message: string): AudioDiagnostic {
  return { code, message, hint: AUDIO_DIAGNOSTICS[code].hint };
}

/**
 * What a Chromium headless shell (Playwright's default headless browser since 1.49) says when the
 * page asks for a microphone without permission: it has no prompt to ask with. What works there.
 */
export const NO_PERMISSION_PROMPT =
  'this browser cannot ask for microphone permission (a headless shell has no permission prompt, and no real microphone): fake capture works when it is started with --use-fake-ui-for-media-stream and --use-fake-device-for-media-stream (the harness does), a real microphone does not';

export interface SourceFailure {
  /** The error names (getUserMedia's DOMException names, decoding errors) it covers; [] for anything else. */
  errors: readonly string[];
  /** Only for this source kind. */
  source?: string;
  when: string;
  code: AudioDiagnosticCode;
  /** Added to the message. */
  explanation?: string;
}

/** The first row whose errors (and source) match gives the code; the last row takes anything else. */
export const SOURCE_FAILURES: readonly SourceFailure[] = [
  {
    errors: ['NotAllowedError', 'SecurityError'],
    when: 'microphone permission refused',
    code: 'inputPermissionDenied',
  },
  {
    errors: ['NotSupportedError'],
    source: 'mic',
    when: "a Chromium **headless shell** (Playwright's default headless browser since 1.49, `@sparticuz/chromium`) asked for a microphone without permission: it has no prompt to ask with. The message says so, and what works there: fake capture, with `--use-fake-ui-for-media-stream --use-fake-device-for-media-stream`; a real microphone does not",
    code: 'inputPermissionDenied',
    explanation: NO_PERMISSION_PROMPT,
  },
  { errors: ['NotFoundError', 'OverconstrainedError'], when: 'no capture device', code: 'noInputDevice' },
  { errors: [], when: 'anything else (`NotReadableError`, a file that does not decode)', code: 'streamStartFailed' },
];

/** The diagnostic for a source of `kind` that would not start with `error`. */
export function sourceFailure(kind: string, error: unknown): AudioDiagnostic {
  const name = error instanceof Error ? error.name : '';
  const message = `could not start the ${kind} source: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  const row =
    SOURCE_FAILURES.find((r) => r.errors.includes(name) && (r.source === undefined || r.source === kind)) ??
    SOURCE_FAILURES.at(-1)!;
  return audioDiagnostic(row.code, row.explanation ? `${message}: ${row.explanation}` : message);
}
