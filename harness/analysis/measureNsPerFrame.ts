/**
 * The one measurement of a DSP's cost: nanoseconds per stereo frame, processing `frames` frames in
 * blocks of `block`, after a warm-up, as the median of `repeats` runs. The validator's cost check,
 * the nightly (which reads the cost check's 128-frame figure from the validation report) and the
 * bench all use it.
 */

export interface BlockProcessor {
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void;
}

export interface NsPerFrame {
  median: number;
  /** Every run, in order. */
  samples: number[];
}

/** `input` must hold at least `block` frames per channel; default a -6 dBFS sine. */
export function measureNsPerFrame(
  dsp: BlockProcessor,
  block: number,
  frames: number,
  repeats = 3,
  input?: readonly [Float32Array, Float32Array],
): NsPerFrame {
  const [inL, inR] =
    input ??
    ([0, 1].map(() => Float32Array.from({ length: block }, (_, i) => 0.5 * Math.sin(i / 7))) as [
      Float32Array,
      Float32Array,
    ]);
  const outL = new Float32Array(block);
  const outR = new Float32Array(block);
  const blocks = Math.max(1, Math.ceil(frames / block));
  const run = (count: number) => {
    const started = process.hrtime.bigint();
    for (let b = 0; b < count; b++) dsp.process(inL, inR, outL, outR, block);
    return Number(process.hrtime.bigint() - started) / (count * block);
  };
  run(Math.max(1, Math.ceil(blocks / 4))); // warm-up: compile, caches
  const samples = Array.from({ length: Math.max(1, repeats) }, () => run(blocks));
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, samples };
}
