/**
 * Compares rendered audio with a reference: max absolute error, where (frame and seconds,
 * channel), and SNR in dB (reference power over error power).
 */

export interface AudioComparison {
  snrDb: number;
  maxAbsError: number;
  worstChannel: number;
  worstFrame: number;
  worstSeconds: number;
  /** Reference and actual at the worst sample. */
  expected: number;
  actual: number;
  /** Reference power, to tell "silent reference" apart. */
  referencePower: number;
  frames: number;
}

export function compareAudio(
  reference: readonly Float32Array[],
  actual: readonly Float32Array[],
  sampleRate: number,
): AudioComparison {
  if (reference.length !== actual.length)
    throw new RangeError(`channel counts differ: reference ${reference.length}, actual ${actual.length}`);
  const frames = Math.min(...reference.map((c) => c.length), ...actual.map((c) => c.length));
  let signal = 0;
  let noise = 0;
  let worst = { error: -1, channel: 0, frame: 0 };
  reference.forEach((ref, ch) => {
    const act = actual[ch]!;
    for (let i = 0; i < frames; i++) {
      const e = act[i]! - ref[i]!;
      signal += ref[i]! * ref[i]!;
      noise += e * e;
      if (Math.abs(e) > worst.error) worst = { error: Math.abs(e), channel: ch, frame: i };
    }
  });
  const snrDb = noise === 0 ? Infinity : signal === 0 ? -Infinity : 10 * Math.log10(signal / noise);
  return {
    snrDb,
    maxAbsError: worst.error,
    worstChannel: worst.channel,
    worstFrame: worst.frame,
    worstSeconds: worst.frame / sampleRate,
    expected: reference[worst.channel]![worst.frame] ?? 0,
    actual: actual[worst.channel]![worst.frame] ?? 0,
    referencePower: signal,
    frames,
  };
}

export function describeComparison(c: AudioComparison): string {
  return (
    `SNR ${Number.isFinite(c.snrDb) ? c.snrDb.toFixed(1) : c.snrDb} dB, max abs error ${c.maxAbsError.toExponential(3)} ` +
    `at ${c.worstSeconds.toFixed(4)} s (frame ${c.worstFrame}, channel ${c.worstChannel === 0 ? 'L' : 'R'}: expected ${c.expected.toPrecision(7)}, actual ${c.actual.toPrecision(7)}) over ${c.frames} frames`
  );
}
