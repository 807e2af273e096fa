/**
 * 8. Automation fuzz: seeded random parameter changes every 1 to 64 frames for 10 s at each rate;
 * finite output within the headroom throughout, and after it a tail that is silent or still dying
 * away (tailRule.ts). Every problem is counted by kind, the worst reported first (a blow-up before
 * the subnormals that came earlier).
 */
import { randomValue } from '../parameterSets.ts';
import { addScan, dbfs, describeSample, Problems, scanOutput } from '../problems.ts';
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import type { Random } from '../../signals/random.ts';
import {
  concat,
  defaults,
  freshInstance,
  peakOf,
  renderBlocks,
  type ParameterChange,
  type ParameterSet,
} from '../render.ts';
import {
  addTailProblem,
  describeDyingTails,
  DYING_DB,
  TAIL_WINDOW_SECONDS as WINDOW_SECONDS,
  TREND_SECONDS,
  type TailJudgement,
} from '../tailRule.ts';
import { makeSignal, noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';

const SECONDS = 10;
/**
 * The fuzz's own bound when none is declared (+80 dBFS). Changes every 1 to 64 frames make correct
 * filters ring far beyond the headroom: measured here, the reference reached +45 dBFS, correct
 * 4- and 8-stage resonant cascades +57 and +59; a biquad whose coefficients jump +93, Wavecraft's
 * filter +677. Beyond BLOW_UP (+120 dBFS) it is a blow-up.
 */
export const FUZZ_DERIVED_BOUND = 1e4;

/** A change of a random parameter to a random value every 1 to 64 frames over `frames`. */
function randomChanges(definitions: readonly ParameterDefinition[], frames: number, random: Random): ParameterChange[] {
  const changes: ParameterChange[] = [];
  for (let frame = random.int(1, 64); frame < frames && definitions.length > 0; frame += random.int(1, 64)) {
    const index = random.int(0, definitions.length - 1);
    changes.push({ frame, index, value: randomValue(definitions[index]!, random) });
  }
  return changes;
}

/** The parameter values in force at `frame`: `values`, then every change up to it. */
function valuesAt(
  frame: number,
  values: ParameterSet,
  changes: readonly ParameterChange[],
  definitions: readonly ParameterDefinition[],
): ParameterSet {
  const state = { ...values };
  for (const c of changes) {
    if (c.frame > frame) break;
    state[definitions[c.index]!.id] = c.value;
  }
  return state;
}

export const automationFuzzCheck: ValidatorCheck<'automation-fuzz'> = {
  id: 'automation-fuzz',
  title: 'Automation fuzz',
  explanation: `seeded random parameter changes every 1 to 64 frames (blocks cut at each change) for ${SECONDS} s of noise at -6 dBFS at each rate: no NaN, Inf or subnormal output and nothing beyond +80 dBFS (or --fuzz-headroom when declared: changes this fast make correct filters ring well past the headroom, to +60 dBFS; beyond +120 dBFS is a blow-up), and within the tail after it (generators switched off) the output is below -120 dBFS once --tail-seconds have passed, or still dying away (over the next ${TREND_SECONDS} s of silence, the peak of the last ${TREND_SECONDS / 2} s at least ${DYING_DB} dB below the first's)`,
  minStrictness: 5,
  run({ subject, options, random, rates, gates }) {
    const definitions = subject.definitions;
    const problems = new Problems();
    let changesTotal = 0;
    let largest = 0;
    const dying: TailJudgement[] = [];
    for (const rate of rates) {
      const frames = SECONDS * rate;
      const tail = Math.round((options.tailSeconds + WINDOW_SECONDS) * rate);
      const input = concat(noise(frames, random.int(1, 2 ** 31)), makeSignal('silence', tail, rate));
      const changes = randomChanges(definitions, frames, random);
      const values = defaults(definitions);
      changesTotal += changes.length;
      // The tail judges a DSP meant to fall silent: generators that are off by default go off with the input.
      for (const g of gates) if (!g.onByDefault) changes.push({ frame: frames, index: g.index, value: g.off });
      subject.where = `automation-fuzz, ${rate} Hz`;
      const instance = freshInstance(subject, rate, values)!;
      const out = renderBlocks(instance, input, () => subject.maxFrames, changes);
      const more = (length: number) =>
        renderBlocks(instance, makeSignal('silence', length, rate), () => subject.maxFrames);
      const at = (frame: number) => valuesAt(frame, values, changes, definitions);
      const peak = peakOf(out);
      if (Number.isFinite(peak.value)) largest = Math.max(largest, peak.value);
      const bound = options.fuzzHeadroom ?? FUZZ_DERIVED_BOUND;
      addScan(problems, scanOutput(out, bound), (kind, found) => ({
        what: `${describeSample(kind, found.value)} output during automation${kind === 'level' ? ` (beyond ${options.fuzzHeadroom === null ? `the fuzz's bound ${dbfs(bound)}: correct chains measured here stay below +60 dBFS; --fuzz-headroom declares your own` : `the declared fuzz headroom ±${bound}, ${dbfs(bound)}`})` : ''}`,
        params: at(found.frame),
        input: found.frame < frames ? 'seeded white noise at -6 dBFS' : 'silence after the noise',
        sampleRate: rate,
        blockSize: 'cut at each change (1 to 64 frames)',
        frame: found.frame,
        channel: found.channel,
        value: found.value,
        excerpt: excerpt(found.frame, found.channel, { input, output: out }),
      }));
      if (options.generator) continue;
      const from = frames + Math.round(options.tailSeconds * rate);
      const judged = addTailProblem(
        problems,
        out,
        from,
        rate,
        more,
        gates,
        `${options.tailSeconds} s into the silence after automation`,
        (peak, output) => ({
          params: at(frames),
          input: `${SECONDS} s of noise with automation, then silence`,
          sampleRate: rate,
          frame: peak.frame,
          channel: peak.channel,
          value: output[peak.channel === 'L' ? 0 : 1][peak.frame]!,
          excerpt: excerpt(peak.frame, peak.channel, { output, input }),
        }),
      );
      if (judged.verdict === 'dying') dying.push(judged);
    }
    const worst = problems.worst();
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what}: ${worst.value} at ${worst.sampleRate} Hz, frame ${worst.frame} ${worst.channel}, ${describeParams(worst.params)}; ${problems.tally()}${describeDyingTails(dying, options.tailSeconds)}`,
        worst,
        problems: problems.ranked(),
      };
    }
    const within =
      options.fuzzHeadroom === null
        ? `within the fuzz's bound ${dbfs(FUZZ_DERIVED_BOUND)}`
        : `within ±${options.fuzzHeadroom}`;
    return {
      status: 'pass',
      summary: `${changesTotal} changes over ${SECONDS} s at each of ${rates.length} rates: finite, ${within} (largest ${dbfs(largest)}), no subnormals, silent or dying away after${describeDyingTails(dying, options.tailSeconds)}`,
    };
  },
};
