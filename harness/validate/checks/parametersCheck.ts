/**
 * 7. Parameters: wc_get_param returns what wc_set_param set (in range); out-of-range values are
 * clamped or refused, never stored as something else; NaN and ±Inf must not poison the output.
 */
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import { randomValue } from '../parameterSets.ts';
import type { Random } from '../../signals/random.ts';
import { defaults, freshInstance, renderBlocks, scanSamples } from '../render.ts';
import { noise } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { excerpt, type WorstCase } from '../worstCase.ts';

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function inRangeValues(d: ParameterDefinition, random: Random): number[] {
  if (d.type !== 'float') return Array.from({ length: d.max - d.min + 1 }, (_, i) => d.min + i);
  return [
    d.min,
    d.max,
    d.default,
    (d.min + d.max) / 2,
    randomValue(d, random),
    randomValue(d, random),
    randomValue(d, random),
  ];
}

export const parametersCheck: ValidatorCheck<'parameters'> = {
  id: 'parameters',
  title: 'Parameters',
  explanation:
    'wc_get_param returns what wc_set_param set for in-range values; out-of-range values are clamped or refused (never stored as something else); NaN and ±Inf are not stored and do not poison the output',
  minStrictness: 2,
  run({ subject, random, rates }) {
    const rate = rates.includes(48000) ? 48000 : rates[0]!;
    const problems: WorstCase[] = [];
    const input = noise(Math.round(0.1 * rate), random.int(1, 2 ** 31));
    subject.definitions.forEach((d, index) => {
      subject.where = `parameters, ${d.id}`;
      const instance = freshInstance(subject, rate, defaults(subject.definitions))!;
      let previous = instance.getParameterAt(index);
      for (const value of inRangeValues(d, random)) {
        instance.setParameterAt(index, value);
        const got = instance.getParameterAt(index);
        if (!close(got, value))
          problems.push({
            what: `wc_get_param(${index}) returned ${got} after wc_set_param(${index}, ${value}) (${d.id}, in range)`,
            params: { [d.id]: value },
            value: got,
            expected: value,
          });
        previous = got;
      }
      const span = d.max - d.min || 1;
      for (const value of [d.min - span - 1, d.max + span + 1, NaN, Infinity, -Infinity]) {
        instance.setParameterAt(index, value);
        const got = instance.getParameterAt(index);
        // ±Inf may clamp to max/min like any out-of-range value; NaN has no clamp: it must be refused.
        const clamped = Number.isNaN(value) ? null : Math.min(d.max, Math.max(d.min, value));
        const acceptable = close(got, previous) || (clamped !== null && close(got, clamped));
        if (!acceptable) {
          problems.push({
            what: `wc_set_param(${index}, ${value}) stored ${got} for ${d.id} (range [${d.min}, ${d.max}]); expected ${clamped !== null ? `the clamped ${clamped} or ` : ''}the previous ${previous}`,
            params: { [d.id]: value },
            value: got,
          });
        }
        if (!Number.isFinite(value)) {
          const out = renderBlocks(instance, input, () => 128);
          const scan = scanSamples(out);
          if (scan.nan + scan.inf > 0) {
            problems.push({
              what: `wc_set_param(${index}, ${value}) for ${d.id} poisons the output: ${scan.nan} NaN, ${scan.inf} Inf, first at frame ${scan.first!.frame}`,
              params: { [d.id]: value },
              input: 'seeded white noise at -6 dBFS',
              sampleRate: rate,
              frame: scan.first!.frame,
              channel: scan.first!.channel,
              value: scan.first!.value,
              excerpt: excerpt(scan.first!.frame, scan.first!.channel, { input, output: out }),
            });
          }
        }
        // Back to a known good value for the next probe.
        instance.setParameterAt(index, d.default);
        previous = instance.getParameterAt(index);
      }
    });
    if (problems.length > 0)
      return {
        status: 'fail',
        summary: `${problems.length} problem(s); first: ${problems[0]!.what}`,
        worst: problems[0]!,
      };
    return {
      status: 'pass',
      summary: `${subject.definitions.length} parameters: set/get agree in range; out-of-range clamped or refused; NaN and ±Inf harmless`,
    };
  },
};
