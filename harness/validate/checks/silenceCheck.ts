/**
 * 5. Silence: after excitation, silence in gives a tail that is silent (below -120 dBFS) or still
 * dying away once the tail time has passed (tailRule.ts): a correct resonant filter at 20 Hz still
 * rings then; a DSP that holds its output, or grows, fails. Every set that fails is counted by kind,
 * the worst reported first. A set that switches on a generator that is off by default is not
 * judged; a steady periodic tail is named as a generator's, with the way out.
 */
import { gatesSwitchedOn } from '../generatorGates.ts';
import { parameterSets, rendersAt } from '../parameterSets.ts';
import { addScan, describeSample, Problems, scanOutput } from '../problems.ts';
import { concat, freshInstance, RENDER_BLOCK, renderBlocks } from '../render.ts';
import {
  addTailProblem,
  describeDyingTails,
  DYING_DB,
  TAIL_WINDOW_SECONDS,
  TREND_SECONDS,
  type TailJudgement,
} from '../tailRule.ts';
import { makeSignal, noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';

export const silenceCheck: ValidatorCheck<'silence'> = {
  id: 'silence',
  title: 'Silence and tail',
  explanation: `after 0.25 s of noise, silence in must give output below -120 dBFS once the tail (--tail-seconds) has passed, or output still dying away (over the next ${TREND_SECONDS} s of silence, the peak of the last ${TREND_SECONDS / 2} s at least ${DYING_DB} dB below the first's: a delay's echoes and a long reverb pass, and are reported as still dying; output that holds its level fails, output that grows fails as unstable), for defaults, corners and random sets at every rate and one-parameter extremes at 48 kHz and the lowest and highest rates; sets that switch on a generator that is off by default are not judged; a generator (--generator) skips it`,
  minStrictness: 3,
  run({ subject, options, random, rates, gates }) {
    if (options.generator) return { status: 'skip', summary: 'the DSP declares itself a generator (--generator)' };
    const sets = parameterSets(subject.definitions, random, options.strictness);
    const problems = new Problems();
    let judged = 0;
    let generating = 0;
    const dying: TailJudgement[] = [];
    for (const rate of rates) {
      const excite = noise(Math.round(0.25 * rate), random.int(1, 2 ** 31));
      const tailFrames = Math.round(options.tailSeconds * rate);
      const window = Math.round(TAIL_WINDOW_SECONDS * rate);
      const input = concat(excite, makeSignal('silence', tailFrames + window, rate));
      const judgedFrom = excite[0].length + tailFrames;
      for (const set of sets) {
        if (!rendersAt(set, rate, rates)) continue;
        if (gatesSwitchedOn(gates, set.params).length > 0) {
          generating++;
          continue;
        }
        judged++;
        subject.where = `silence, ${rate} Hz, ${set.label}`;
        const instance = freshInstance(subject, rate, set.params)!;
        const block = () => Math.min(RENDER_BLOCK, subject.maxFrames);
        const out = renderBlocks(instance, input, block);
        const more = (frames: number) => renderBlocks(instance, makeSignal('silence', frames, rate), block);
        const at = { params: set.params, input: '0.25 s of noise, then silence', sampleRate: rate };
        addScan(problems, scanOutput(out, null, excite[0].length), (kind, found) => ({
          what: `${describeSample(kind, found.value)} output in the silence after noise`,
          ...at,
          frame: found.frame,
          channel: found.channel,
          value: found.value,
          excerpt: excerpt(found.frame, found.channel, { input, output: out }),
        }));
        const tail = addTailProblem(
          problems,
          out,
          judgedFrom,
          rate,
          more,
          gates,
          `${options.tailSeconds} s into silence`,
          (peak, output) => ({
            ...at,
            frame: peak.frame,
            channel: peak.channel,
            value: output[peak.channel === 'L' ? 0 : 1][peak.frame]!,
            excerpt: excerpt(peak.frame, peak.channel, { output, input }),
          }),
        );
        if (tail.verdict === 'dying') dying.push(tail);
      }
    }
    const skipped = generating
      ? `; ${generating} renders of sets that switch on a generator (${gates
          .filter((g) => !g.onByDefault)
          .map((g) => g.id)
          .join(', ')}) not judged`
      : '';
    const worst = problems.worst();
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} (frame ${worst.frame} ${worst.channel}, ${worst.value}) at ${worst.sampleRate} Hz, ${describeParams(worst.params)}; ${problems.tally()} in ${judged} renders${skipped}${describeDyingTails(dying, options.tailSeconds)}`,
        worst,
        problems: problems.ranked(),
      };
    }
    return {
      status: 'pass',
      summary: `below -120 dBFS, or still dying away, ${options.tailSeconds} s into silence in ${judged} renders (parameter sets × ${rates.length} rates)${skipped}${describeDyingTails(dying, options.tailSeconds)}`,
    };
  },
};
