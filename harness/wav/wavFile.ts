/**
 * WAV reading and writing: the harness's one codec path (every WAV read or written goes through
 * here). The layout is checked first (wavHeader.ts: a plain message for what the capture or the
 * decoder refuses), writes are atomic. Samples are decoded by wav-decoder, PCM is encoded by
 * node-wav, and float32 by the writer below. Why two libraries and a writer:
 * - node-wav's decoder views the data chunk as a typed array at its offset, and throws for float
 *   data that does not start 4-byte aligned (after an odd-sized LIST chunk, as editors write);
 *   wav-decoder reads it (wavFile.test.ts holds both to that).
 * - wav-decoder has no encoder;
 * - node-wav clamps float samples to ±1, and a golden must keep a DSP's +18 dBFS as it was.
 */

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import nodeWav from 'node-wav';
import wavDecoder from 'wav-decoder';
import { WavError } from './wavError.ts';
import { captureIncompatibility, describeEncoding, readWavHeader, type WavFormat } from './wavHeader.ts';

export interface WavAudio {
  sampleRate: number;
  /** One array per channel. */
  channels: Float32Array[];
  format: WavFormat;
}

export interface WavEncoding {
  sampleRate: number;
  /** 8, 16 or 32 for PCM; ignored when `float` is set. Default 16. */
  bitDepth?: 8 | 16 | 32;
  /** Write 32-bit float. Default false. */
  float?: boolean;
}

/** Decodes WAV bytes; `file` names the source in errors. */
export function decodeWav(bytes: Uint8Array, file: string): WavAudio {
  const format = readWavHeader(bytes, file);
  const supported =
    (format.effectiveFormatTag === 1 && [8, 16, 24, 32].includes(format.bitsPerSample)) ||
    (format.effectiveFormatTag === 3 && [32, 64].includes(format.bitsPerSample));
  if (!supported) throw new WavError('WAV_UNSUPPORTED_FORMAT', file, `${describeEncoding(format)} cannot be decoded`);
  if (format.formatTag === 0xfffe) {
    throw new WavError(
      'WAV_UNSUPPORTED_FORMAT',
      file,
      'WAVE_FORMAT_EXTENSIBLE files are not supported; re-save as plain PCM or float',
    );
  }
  // wav-decoder wants an ArrayBuffer that starts at the RIFF header.
  const copy = bytes.slice().buffer;
  const decoded = wavDecoder.decode.sync(copy);
  return { sampleRate: decoded.sampleRate, channels: decoded.channelData, format };
}

export async function readWav(path: string): Promise<WavAudio> {
  return decodeWav(await readBytes(path), path);
}

/**
 * Checks that Chromium's fake capture will play `path` rather than silently produce silence:
 * a readable, non-empty WAV in an encoding the capture accepts. Throws WavError otherwise.
 */
export async function assertCaptureCompatible(path: string): Promise<WavFormat> {
  const format = readWavHeader(await readBytes(path), path);
  const problem = captureIncompatibility(format);
  if (problem)
    throw new WavError('WAV_UNSUPPORTED_FORMAT', path, `Chromium's fake audio capture would play silence: ${problem}`);
  if (format.frames === 0) throw new WavError('WAV_EMPTY', path, 'the "data" chunk holds no samples');
  return format;
}

export function encodeWav(channels: ArrayLike<number>[], encoding: WavEncoding): Buffer {
  if (channels.length === 0) throw new RangeError('encodeWav needs at least one channel');
  const length = channels[0]!.length;
  if (channels.some((c) => c.length !== length)) throw new RangeError('encodeWav: channels differ in length');
  if (encoding.float) return encodeFloat32Wav(channels, encoding.sampleRate);
  return nodeWav.encode(channels, {
    sampleRate: encoding.sampleRate,
    float: encoding.float ?? false,
    bitDepth: encoding.float ? 32 : (encoding.bitDepth ?? 16),
  });
}

/**
 * IEEE float32 WAV, written here rather than by node-wav, which clamps floats to ±1: a DSP's
 * output may exceed full scale, and a golden must keep it as it was.
 */
function encodeFloat32Wav(channels: ArrayLike<number>[], sampleRate: number): Buffer {
  const frames = channels[0]!.length;
  const blockAlign = 4 * channels.length;
  const buffer = Buffer.alloc(44 + frames * blockAlign);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + frames * blockAlign, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(3, 20); // WAVE_FORMAT_IEEE_FLOAT
  buffer.writeUInt16LE(channels.length, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * blockAlign, 28);
  buffer.writeUInt16LE(blockAlign, 32);
  buffer.writeUInt16LE(32, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(frames * blockAlign, 40);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      buffer.writeFloatLE(channel[i]!, at);
      at += 4;
    }
  }
  return buffer;
}

/** Writes a WAV atomically: a temp file beside the target, then a rename. */
export async function writeWav(path: string, channels: ArrayLike<number>[], encoding: WavEncoding): Promise<void> {
  await writeFileAtomic(path, encodeWav(channels, encoding));
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new WavError('WAV_UNREADABLE', path, `cannot read: ${(error as Error).message}`);
  }
}
