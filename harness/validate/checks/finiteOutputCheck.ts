/** 4. Finite and sane output: no NaN, ±Inf or subnormal sample on any block; at defaults, nothing beyond the headroom. */
import { parameterSets } from '../parameterSets.ts';
import { freshInstance, renderBlocks, scanSamples } from '../render.ts';
import { makeSignal, SIGNAL_DESCRIPTIONS, SIGNALS } from '../testSignals.ts';
import { describeParams, excerpt, type ValidatorCheck, type WorstCase } from '../validatorCheck.ts';

export const finiteOutputCheck: ValidatorCheck = {
  id: 'finite-output',
  title: 'Finite and sane output',
  explanation: `counts NaN, ±Inf and subnormal output samples for ${SIGNALS.length} inputs (silence, 1e-30, square, impulse, DC, noise, sweep, a decaying tail) × every parameter at min, max and default plus seeded random combinations, at every rate; at defaults also samples beyond the headroom`,
  minStrictness: 1,
  run({ subject, options, random, rates }) {
    const sets = parameterSets(subject.definitions, random, 2 * options.strictness);
    const totals = { nan: 0, inf: 0, subnormal: 0, overHeadroom: 0 };
    let worst: WorstCase | null = null;
    let renders = 0;
    for (const rate of rates) {
      const frames = Math.round(0.25 * rate);
      for (const signal of SIGNALS) {
        const input = makeSignal(signal, frames, rate, options.seed);
        for (const set of sets) {
          subject.where = `finite-output, ${rate} Hz, ${signal}, ${set.label}`;
          const out = renderBlocks(freshInstance(subject, rate, set.params)!, input, () => 128);
          renders++;
          const scan = scanSamples(out, set.label === 'defaults' ? options.headroom : null);
          totals.nan += scan.nan;
          totals.inf += scan.inf;
          totals.subnormal += scan.subnormal;
          totals.overHeadroom += scan.overHeadroom;
          if (scan.first && !worst) {
            worst = {
              what: `${scan.firstKind} output (${scan.nan} NaN, ${scan.inf} Inf, ${scan.subnormal} subnormal${set.label === 'defaults' ? `, ${scan.overHeadroom} beyond ±${options.headroom}` : ''} in this render)`,
              params: set.params,
              input: SIGNAL_DESCRIPTIONS[signal],
              sampleRate: rate,
              frame: scan.first.frame,
              channel: scan.first.channel,
              value: scan.first.value,
              excerpt: excerpt(scan.first.frame, scan.first.channel, { input, output: out }),
            };
          }
        }
      }
    }
    const counts = `${totals.nan} NaN, ${totals.inf} Inf, ${totals.subnormal} subnormal, ${totals.overHeadroom} beyond ±${options.headroom} at defaults`;
    if (worst) {
      return {
        status: 'fail',
        summary: `${counts} over ${renders} renders; first: ${worst.what.split(' (')[0]} ${worst.value} at ${worst.sampleRate} Hz, frame ${worst.frame} ${worst.channel}, input ${worst.input}, ${describeParams(worst.params)}`,
        worst,
      };
    }
    return { status: 'pass', summary: `${renders} renders (${sets.length} parameter sets × ${SIGNALS.length} inputs × ${rates.length} rates): ${counts}` };
  },
};
