/** 3. Block sizes: with no parameter changes, the output must not depend on how the input is cut into blocks. */
import { parameterSets } from '../parameterSets.ts';
import { freshInstance, largestDifference, renderBlocks } from '../render.ts';
import { noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt, type WorstCase } from '../worstCase.ts';

const FIXED_SIZES = [1, 2, 16, 32, 64, 128, 441, 480, 512, 1024];
/**
 * -120 dBFS: a DSP that works sample by sample gives identical output; anything above this is a dependence on the block
 * size.
 */
const TOLERANCE = 1e-6;

export const blockSizesCheck: ValidatorCheck<'block-sizes'> = {
  id: 'block-sizes',
  title: 'Block sizes',
  explanation: `the same input rendered in blocks of ${FIXED_SIZES.join(', ')}, max_frames and a seeded random sequence matches the 128-frame render within -120 dBFS (a DSP that assumes a 128-frame quantum fails)`,
  minStrictness: 2,
  run({ subject, options, random, rates }) {
    const seconds = options.strictness >= 8 ? 1 : 0.5;
    const sets = parameterSets(subject.definitions, random, options.strictness >= 8 ? 3 : 1, false);
    const sizes: (number | 'random')[] = [...FIXED_SIZES, subject.maxFrames, 'random'];
    let worst: WorstCase | null = null;
    let worstDiff = 0;
    let renders = 0;
    for (const rate of rates) {
      const input = noise(Math.round(seconds * rate), random.int(1, 2 ** 31));
      for (const set of sets) {
        subject.where = `block-sizes, ${rate} Hz, ${set.label}`;
        const reference = renderBlocks(freshInstance(subject, rate, set.params)!, input, () => 128);
        for (const size of sizes) {
          const sequence = random.fork(`sizes ${rate} ${set.label}`);
          const next = size === 'random' ? () => sequence.int(1, subject.maxFrames) : () => size;
          const out = renderBlocks(freshInstance(subject, rate, set.params)!, input, next);
          renders++;
          const d = largestDifference(reference, out);
          const bad = d.value > TOLERANCE || Number.isNaN(d.value);
          if (bad && (!worst || d.value > worstDiff || Number.isNaN(d.value))) {
            worstDiff = d.value;
            worst = {
              what: `blocks of ${size} frames differ from 128-frame blocks by ${d.value.toExponential(2)} (${(20 * Math.log10(d.value)).toFixed(1)} dBFS)`,
              params: set.params,
              input: 'seeded white noise at -6 dBFS',
              sampleRate: rate,
              blockSize: size === 'random' ? `seeded random 1..${subject.maxFrames}` : size,
              frame: d.frame,
              channel: d.channel,
              value: d.b,
              expected: d.a,
              excerpt: excerpt(d.frame, d.channel, { '128-frame blocks': reference, [`${size}-frame blocks`]: out }),
            };
          }
        }
      }
    }
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} at ${worst.sampleRate} Hz, frame ${worst.frame} ${worst.channel}: ${worst.expected} vs ${worst.value} (${describeParams(worst.params)})`,
        worst,
      };
    }
    return {
      status: 'pass',
      summary: `${renders} renders at ${rates.length} rates match the 128-frame render within -120 dBFS`,
    };
  },
};
