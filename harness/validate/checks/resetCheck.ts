/** 6. Reset: render, wc_reset, render again: the two renders must be identical. */
import { parameterSets } from '../parameterSets.ts';
import { firstDifference, freshInstance, renderBlocks } from '../render.ts';
import { noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt, type WorstCase } from '../worstCase.ts';

export const resetCheck: ValidatorCheck<'reset'> = {
  id: 'reset',
  title: 'Reset',
  explanation:
    'a fresh instance renders 0.25 s of noise, wc_reset, then renders it again: the two renders must be identical (reset clears filter memory, ramps and phases; parameters stay)',
  minStrictness: 2,
  run({ subject, options, random, rates }) {
    const sets = parameterSets(subject.definitions, random, options.strictness, false);
    let worst: WorstCase | null = null;
    let pairs = 0;
    for (const rate of rates) {
      const input = noise(Math.round(0.25 * rate), random.int(1, 2 ** 31));
      for (const set of sets) {
        subject.where = `reset, ${rate} Hz, ${set.label}`;
        const instance = freshInstance(subject, rate, set.params)!;
        const first = renderBlocks(instance, input, () => 128);
        instance.reset();
        const second = renderBlocks(instance, input, () => 128);
        pairs++;
        const d = firstDifference(first, second);
        if (d && !worst) {
          worst = {
            what: 'the render after wc_reset differs from the first',
            params: set.params,
            input: 'seeded white noise at -6 dBFS',
            sampleRate: rate,
            frame: d.frame,
            channel: d.channel,
            value: d.b,
            expected: d.a,
            excerpt: excerpt(d.frame, d.channel, { 'first render': first, 'after wc_reset': second }),
          };
        }
      }
    }
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} from frame ${worst.frame} ${worst.channel} (${worst.expected} vs ${worst.value}) at ${worst.sampleRate} Hz, ${describeParams(worst.params)}`,
        worst,
      };
    }
    return { status: 'pass', summary: `${pairs} render pairs identical after wc_reset` };
  },
};
