/** Chromium command-line flags for headless audio tests (launchChromium.ts starts every browser with them). */
import { FONT_RENDERING_FLAGS } from './fontRendering.ts';

export interface LaunchArgsOptions {
  /** WAV fed to the fake microphone; omit for no fake capture file. */
  captureWav?: string;
  /** Play the capture file once instead of looping. Default false. */
  noLoop?: boolean;
  /** Whether the process runs as root (adds --no-sandbox). Default: detected. */
  isRoot?: boolean;
}

/** Flags every launch gets: no network chatter, no first-run UI, audio without a user gesture, text rendered alike. */
export const BASE_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
  ...FONT_RENDERING_FLAGS,
];

export function launchArgs(options: LaunchArgsOptions = {}): string[] {
  const isRoot = options.isRoot ?? (typeof process.getuid === 'function' && process.getuid() === 0);
  const args = [...BASE_FLAGS];
  if (isRoot) args.push('--no-sandbox');
  if (options.captureWav) {
    // Chromium splits the value on '%' (for the %noloop suffix): a '%' in the path would break it.
    if (options.captureWav.includes('%')) {
      throw new RangeError(`capture WAV path must not contain '%': ${options.captureWav}`);
    }
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${options.captureWav}${options.noLoop ? '%noloop' : ''}`,
    );
  }
  return args;
}
