/**
 * Reads a WAV file's RIFF chunk layout and format, without decoding samples, so bad files
 * are refused with a precise reason before a decoder or the browser sees them.
 */
import { WavError } from './wavError.ts';

export interface WavFormat {
  /** 1 = PCM, 3 = IEEE float, 0xFFFE = WAVE_FORMAT_EXTENSIBLE. */
  formatTag: number;
  /** For extensible files, the sub-format's tag (1 or 3); otherwise formatTag. */
  effectiveFormatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Valid bits for extensible files; otherwise bitsPerSample. */
  validBitsPerSample: number;
  blockAlign: number;
  /** Byte offset and length of the data chunk's samples. */
  dataOffset: number;
  dataBytes: number;
  frames: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

export function readWavHeader(bytes: Uint8Array, file: string): WavFormat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.byteLength < 12)
    throw new WavError('WAV_TRUNCATED', file, `only ${bytes.byteLength} bytes; a WAV header needs at least 12`);
  if (ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') throw new WavError('WAV_NOT_RIFF', file, 'not a RIFF/WAVE file', 0);
  let format: Omit<WavFormat, 'dataOffset' | 'dataBytes' | 'frames'> | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = ascii(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.byteLength) {
        throw new WavError('WAV_TRUNCATED', file, `"fmt " chunk of ${size} bytes does not fit the file`, offset);
      }
      const formatTag = view.getUint16(body, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      let effectiveFormatTag = formatTag;
      let validBitsPerSample = bitsPerSample;
      if (formatTag === FORMAT_EXTENSIBLE) {
        if (size < 40)
          throw new WavError('WAV_TRUNCATED', file, 'extensible "fmt " chunk shorter than 40 bytes', offset);
        validBitsPerSample = view.getUint16(body + 18, true);
        effectiveFormatTag = view.getUint16(body + 24, true);
      }
      format = {
        formatTag,
        effectiveFormatTag,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bitsPerSample,
        validBitsPerSample,
      };
    } else if (id === 'data') {
      if (!format) throw new WavError('WAV_NO_FORMAT', file, '"data" chunk comes before any "fmt " chunk', offset);
      const available = bytes.byteLength - body;
      if (size > available) {
        throw new WavError(
          'WAV_TRUNCATED',
          file,
          `"data" chunk declares ${size} bytes but only ${available} follow`,
          offset,
        );
      }
      if (format.blockAlign === 0 || format.channels === 0) {
        throw new WavError(
          'WAV_UNSUPPORTED_FORMAT',
          file,
          `invalid format: ${format.channels} channels, block align ${format.blockAlign}`,
        );
      }
      return { ...format, dataOffset: body, dataBytes: size, frames: Math.floor(size / format.blockAlign) };
    }
    offset = body + size + (size % 2); // chunks are padded to even sizes
  }
  if (!format) throw new WavError('WAV_NO_FORMAT', file, 'no "fmt " chunk', offset);
  throw new WavError('WAV_NO_DATA', file, 'no "data" chunk', offset);
}

/** The sample encoding as a short name, e.g. "16-bit PCM" or "32-bit float". */
export function describeEncoding(format: WavFormat): string {
  const kind =
    format.effectiveFormatTag === FORMAT_FLOAT
      ? 'float'
      : format.effectiveFormatTag === FORMAT_PCM
        ? 'PCM'
        : `format 0x${format.effectiveFormatTag.toString(16)}`;
  return `${format.bitsPerSample}-bit ${kind}${format.formatTag === FORMAT_EXTENSIBLE ? ' (extensible)' : ''}`;
}

/**
 * Why Chromium's fake audio capture would turn this file into silence, or null if it accepts it:
 * PCM 8/16/32 and float 32/64 only; no 24-bit; extensible only when valid bits equal container bits.
 */
export function captureIncompatibility(format: WavFormat): string | null {
  const { effectiveFormatTag: tag, bitsPerSample: bits } = format;
  if (format.formatTag === FORMAT_EXTENSIBLE && format.validBitsPerSample !== bits) {
    return `extensible WAV with ${format.validBitsPerSample} valid bits in ${bits}-bit containers`;
  }
  if (tag === FORMAT_PCM && [8, 16, 32].includes(bits)) return null;
  if (tag === FORMAT_FLOAT && [32, 64].includes(bits)) return null;
  return `${describeEncoding(format)} is not accepted (use 8, 16 or 32-bit PCM, or 32 or 64-bit float)`;
}
