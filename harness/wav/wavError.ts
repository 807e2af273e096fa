/** A WAV file that cannot be used, with a stable code and a message naming the file. */

export type WavErrorCode =
  | 'WAV_UNREADABLE'
  | 'WAV_NOT_RIFF'
  | 'WAV_TRUNCATED'
  | 'WAV_NO_FORMAT'
  | 'WAV_NO_DATA'
  | 'WAV_EMPTY'
  | 'WAV_UNSUPPORTED_FORMAT';

export class WavError extends Error {
  constructor(
    readonly code: WavErrorCode,
    readonly file: string,
    problem: string,
    /** Byte offset where the problem was found, when there is one. */
    readonly byteOffset?: number,
  ) {
    super(`${file}: ${problem}${byteOffset === undefined ? '' : ` (at byte ${byteOffset})`}`);
    this.name = 'WavError';
  }
}
