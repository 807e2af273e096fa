import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WavError } from './wavError.ts';
import { assertCaptureCompatible, decodeWav, encodeWav, readWav, writeWav } from './wavFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'wav-test-'));

function sine(frames: number, amplitude: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, n) => amplitude * Math.sin((2 * Math.PI * 1000 * n) / 48000));
}

/** A minimal RIFF/WAVE header + data for hand-made bad files. */
function riff(
  fmt: {
    tag: number;
    channels: number;
    rate: number;
    bits: number;
    extensible?: { validBits: number; subTag: number };
  },
  dataBytes: number,
  declaredDataBytes = dataBytes,
): Uint8Array {
  const fmtSize = fmt.extensible ? 40 : 16;
  const buffer = new ArrayBuffer(12 + 8 + fmtSize + 8 + dataBytes);
  const v = new DataView(buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, buffer.byteLength - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, fmt.tag, true);
  v.setUint16(22, fmt.channels, true);
  v.setUint32(24, fmt.rate, true);
  const blockAlign = (fmt.channels * fmt.bits) / 8;
  v.setUint32(28, fmt.rate * blockAlign, true);
  v.setUint16(32, blockAlign, true);
  v.setUint16(34, fmt.bits, true);
  if (fmt.extensible) {
    v.setUint16(36, 22, true);
    v.setUint16(38, fmt.extensible.validBits, true);
    v.setUint16(44, fmt.extensible.subTag, true);
  }
  const data = 20 + fmtSize;
  ascii(data, 'data');
  v.setUint32(data + 4, declaredDataBytes, true);
  return new Uint8Array(buffer);
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A float32 mono WAV with a 6-byte LIST chunk before "data": the samples start at byte 58, not 4-aligned. */
function floatWavAfterOddChunk(samples: number[]): Uint8Array {
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const fmt = new DataView(new ArrayBuffer(16));
  [3, 1].forEach((x, i) => fmt.setUint16(2 * i, x, true));
  fmt.setUint32(4, 48000, true);
  fmt.setUint32(8, 192000, true);
  [4, 32].forEach((x, i) => fmt.setUint16(12 + 2 * i, x, true));
  const data = new DataView(new ArrayBuffer(4 * samples.length));
  samples.forEach((x, i) => data.setFloat32(4 * i, x, true));
  const u32 = (x: number) => new Uint8Array(new Uint32Array([x]).buffer);
  const parts = [
    ascii('WAVE'),
    ascii('fmt '),
    u32(16),
    new Uint8Array(fmt.buffer),
    ascii('LIST'),
    u32(6),
    ascii('abcdef'),
  ];
  parts.push(ascii('data'), u32(data.byteLength), new Uint8Array(data.buffer));
  const body = parts.flatMap((p) => [...p]);
  return Uint8Array.from([...ascii('RIFF'), ...u32(body.length), ...body]);
}

describe('WAV round trip', () => {
  it('decodes float samples that do not start 4-byte aligned (after an odd LIST chunk), over full scale kept', () => {
    const audio = decodeWav(floatWavAfterOddChunk([0.5, -0.25, 7.943, 0]), 'odd.wav');
    expect(audio.format.frames).toBe(4);
    expect([...audio.channels[0]!]).toEqual([0.5, -0.25, Math.fround(7.943), 0]);
  });

  it('keeps 16-bit PCM within one quantisation step, per channel', async () => {
    const left = sine(4800, 0.5);
    const right = sine(4800, 0.25);
    const path = join(dir, 'stereo16.wav');
    await writeWav(path, [left, right], { sampleRate: 48000, bitDepth: 16 });
    const audio = await readWav(path);
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels).toHaveLength(2);
    expect(audio.format.bitsPerSample).toBe(16);
    for (const [ch, original] of [left, right].entries()) {
      const maxError = Math.max(...original.map((x, i) => Math.abs(x - audio.channels[ch]![i]!)));
      expect(maxError).toBeLessThanOrEqual(1 / 32767);
    }
  });

  it('keeps 32-bit float exactly', async () => {
    const signal = sine(1000, 0.9);
    const path = join(dir, 'float.wav');
    await writeWav(path, [signal], { sampleRate: 44100, float: true });
    const audio = await readWav(path);
    expect(audio.sampleRate).toBe(44100);
    expect(audio.format.effectiveFormatTag).toBe(3);
    expect(Array.from(audio.channels[0]!)).toEqual(Array.from(signal));
  });

  it('keeps float samples beyond full scale (a DSP output may exceed ±1), stereo interleaved in order', async () => {
    const left = Float32Array.from([0, 1.5, -33.58865, 4e-39, -1]);
    const right = Float32Array.from([2, -2, 0.25, 1e30, 1]);
    const path = join(dir, 'loud.wav');
    await writeWav(path, [left, right], { sampleRate: 48000, float: true });
    const audio = await readWav(path);
    expect(Array.from(audio.channels[0]!)).toEqual(Array.from(left));
    expect(Array.from(audio.channels[1]!)).toEqual(Array.from(right));
  });

  it('refuses channels of different lengths', () => {
    expect(() => encodeWav([new Float32Array(3), new Float32Array(4)], { sampleRate: 48000 })).toThrow(RangeError);
  });
});

describe('bad WAV files name the file and the problem', () => {
  it('a file that is not RIFF', () => {
    const path = save('text.wav', new TextEncoder().encode('this is not audio at all'));
    expect(() => decodeWav(new TextEncoder().encode('this is not audio at all'), path)).toThrow(
      /text\.wav: not a RIFF\/WAVE file/,
    );
  });

  it('a truncated data chunk', async () => {
    const full = riff({ tag: 1, channels: 1, rate: 48000, bits: 16 }, 100, 400);
    const path = save('truncated.wav', full);
    await expect(readWav(path)).rejects.toThrow(/truncated\.wav: "data" chunk declares 400 bytes but only 100 follow/);
    await expect(readWav(path)).rejects.toMatchObject({ code: 'WAV_TRUNCATED' });
  });

  it('a file shorter than a header', () => {
    expect(() => decodeWav(new Uint8Array(5), 'tiny.wav')).toThrow(WavError);
  });

  it('a missing file', async () => {
    await expect(readWav(join(dir, 'nope.wav'))).rejects.toMatchObject({ code: 'WAV_UNREADABLE' });
  });

  it('an unsupported encoding (A-law)', () => {
    const bytes = riff({ tag: 6, channels: 1, rate: 8000, bits: 8 }, 8);
    expect(() => decodeWav(bytes, 'alaw.wav')).toThrow(/alaw\.wav: 8-bit format 0x6 cannot be decoded/);
  });
});

describe('fake-capture compatibility', () => {
  it('accepts 16-bit PCM', async () => {
    const path = save('ok16.wav', riff({ tag: 1, channels: 2, rate: 48000, bits: 16 }, 400));
    await expect(assertCaptureCompatible(path)).resolves.toMatchObject({ bitsPerSample: 16, channels: 2 });
  });

  it('refuses 24-bit PCM, which Chromium would turn into silence', async () => {
    const path = save('pcm24.wav', riff({ tag: 1, channels: 1, rate: 48000, bits: 24 }, 300));
    await expect(assertCaptureCompatible(path)).rejects.toThrow(
      /pcm24\.wav: Chromium's fake audio capture would play silence: 24-bit PCM is not accepted/,
    );
  });

  it('refuses extensible files whose valid bits differ from the container', async () => {
    const path = save(
      'ext.wav',
      riff({ tag: 0xfffe, channels: 1, rate: 48000, bits: 32, extensible: { validBits: 24, subTag: 1 } }, 400),
    );
    await expect(assertCaptureCompatible(path)).rejects.toThrow(/24 valid bits in 32-bit containers/);
  });

  it('refuses an empty data chunk', async () => {
    const path = save('empty.wav', riff({ tag: 1, channels: 1, rate: 48000, bits: 16 }, 0));
    await expect(assertCaptureCompatible(path)).rejects.toMatchObject({ code: 'WAV_EMPTY' });
  });
});
