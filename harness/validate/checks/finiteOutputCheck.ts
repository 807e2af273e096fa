/**
 * 4. Finite and sane output: no NaN, ±Inf, blown-up (beyond +120 dBFS) or subnormal sample on any
 * block; at defaults, nothing beyond the headroom. All counted by kind, the worst reported first.
 */
import { keyRates, parameterSets, rendersAt } from '../parameterSets.ts';
import { addScan, describeSample, Problems, scanOutput } from '../problems.ts';
import { freshInstance, RENDER_BLOCK, renderBlocks } from '../render.ts';
import { makeSignal, SIGNAL_DESCRIPTIONS, SIGNALS } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';

export const finiteOutputCheck: ValidatorCheck<'finite-output'> = {
  id: 'finite-output',
  title: 'Finite and sane output',
  explanation: `counts NaN, ±Inf, blown-up (beyond +120 dBFS) and subnormal output samples for ${SIGNALS.length} inputs (silence, 1e-30, square, impulse, DC, noise, sweep, a decaying tail) × defaults, each processor's corners and seeded random combinations at every rate, and each parameter at its min and max at 48 kHz and the lowest and highest rates; at defaults also samples beyond the headroom; the worst kind first`,
  minStrictness: 1,
  run({ subject, options, random, rates }) {
    const sets = parameterSets(subject.definitions, random, 2 * options.strictness);
    const problems = new Problems();
    let renders = 0;
    for (const rate of rates) {
      const frames = Math.round(0.25 * rate);
      for (const signal of SIGNALS) {
        const input = makeSignal(signal, frames, rate, options.seed);
        for (const set of sets) {
          if (!rendersAt(set, rate, rates)) continue;
          subject.where = `finite-output, ${rate} Hz, ${signal}, ${set.label}`;
          const out = renderBlocks(freshInstance(subject, rate, set.params)!, input, () =>
            Math.min(RENDER_BLOCK, subject.maxFrames),
          );
          renders++;
          const atDefaults = set.label === 'defaults';
          addScan(problems, scanOutput(out, atDefaults ? options.headroom : null), (kind, found) => ({
            what: `${describeSample(kind, found.value)} output${kind === 'level' ? ` at defaults, beyond the headroom ±${options.headroom}` : ''}`,
            params: set.params,
            input: SIGNAL_DESCRIPTIONS[signal],
            sampleRate: rate,
            frame: found.frame,
            channel: found.channel,
            value: found.value,
            excerpt: excerpt(found.frame, found.channel, { input, output: out }),
          }));
        }
      }
    }
    const worst = problems.worst();
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} at ${worst.sampleRate} Hz, frame ${worst.frame} ${worst.channel}, input ${worst.input}, ${describeParams(worst.params)}; ${problems.tally()} (samples) over ${renders} renders`,
        worst,
        problems: problems.ranked(),
      };
    }
    return {
      status: 'pass',
      summary: `${renders} renders (${sets.length} parameter sets × ${SIGNALS.length} inputs, at ${rates.length} rates, one-parameter extremes at ${keyRates(rates).join(', ')} Hz): no NaN, Inf, blow-up or subnormal; within ±${options.headroom} at defaults`,
    };
  },
};
