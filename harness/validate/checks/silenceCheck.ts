/**
 * 5. Silence: after excitation, silence in gives a tail that is silent (below -120 dBFS) or still
 * dying away once the tail time has passed (tailRule.ts): a correct resonant filter at 20 Hz still
 * rings then; a DSP that holds its output, or grows, fails.
 */
import { parameterSets } from '../parameterSets.ts';
import { concat, freshInstance, renderBlocks } from '../render.ts';
import { describeTail, judgeTail, TAIL_DECAY_DB, TAIL_WINDOW_SECONDS } from '../tailRule.ts';
import { makeSignal, noise } from '../testSignals.ts';
import { describeParams, excerpt, type ValidatorCheck, type WorstCase } from '../validatorCheck.ts';

export const silenceCheck: ValidatorCheck = {
  id: 'silence',
  title: 'Silence and tail',
  explanation: `after 0.25 s of noise, silence in must give output below -120 dBFS once the tail (default 1 s) has passed, or output still dying away (its ${TAIL_WINDOW_SECONDS} s at least ${TAIL_DECAY_DB} dB below the ${TAIL_WINDOW_SECONDS} s before), at every parameter extreme and rate; a generator (--generator) skips it`,
  minStrictness: 3,
  run({ subject, options, random, rates }) {
    if (options.generator) return { status: 'skip', summary: 'the DSP declares itself a generator (--generator)' };
    const sets = parameterSets(subject.definitions, random, options.strictness);
    let worst: (WorstCase & { level: number }) | null = null;
    for (const rate of rates) {
      const excite = noise(Math.round(0.25 * rate), random.int(1, 2 ** 31));
      const tailFrames = Math.round(options.tailSeconds * rate);
      const input = concat(excite, makeSignal('silence', tailFrames + Math.round(TAIL_WINDOW_SECONDS * rate), rate));
      const judgedFrom = excite[0].length + tailFrames;
      for (const set of sets) {
        subject.where = `silence, ${rate} Hz, ${set.label}`;
        const out = renderBlocks(freshInstance(subject, rate, set.params)!, input, () => 128);
        const tail = judgeTail(out, judgedFrom, rate);
        const peak = tail.peak;
        if (!tail.ok && (!worst || peak.value > worst.level || Number.isNaN(peak.value))) {
          worst = {
            level: peak.value,
            what: `output at ${(20 * Math.log10(peak.value)).toFixed(1)} dBFS ${options.tailSeconds} s into silence, and ${describeTail(tail)}`,
            params: set.params,
            input: `0.25 s of noise, then silence`,
            sampleRate: rate,
            frame: peak.frame,
            channel: peak.channel,
            value: out[peak.channel === 'L' ? 0 : 1][peak.frame]!,
            excerpt: excerpt(peak.frame, peak.channel, { output: out }),
          };
        }
      }
    }
    if (worst) {
      const { level, ...w } = worst;
      void level;
      return { status: 'fail', summary: `${w.what} (frame ${w.frame} ${w.channel}, ${w.value}) at ${w.sampleRate} Hz, ${describeParams(w.params)}`, worst: w };
    }
    return { status: 'pass', summary: `below -120 dBFS, or still dying away, ${options.tailSeconds} s into silence for ${sets.length} parameter sets at ${rates.length} rates` };
  },
};
