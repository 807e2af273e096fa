/** 10. Instances: two instances interleaved block by block give what each gives alone (no shared state). */
import { randomSet } from '../parameterSets.ts';
import { firstDifference, freshInstance, type ParameterSet } from '../render.ts';
import { noise, type Stereo } from '../testSignals.ts';
import type { DspInstance } from '../dspUnderTest.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';

function interleaved(a: DspInstance, b: DspInstance, inputA: Stereo, inputB: Stereo, block: number): [Stereo, Stereo] {
  const frames = inputA[0].length;
  const outA: Stereo = [new Float32Array(frames), new Float32Array(frames)];
  const outB: Stereo = [new Float32Array(frames), new Float32Array(frames)];
  for (let f = 0; f < frames; f += block) {
    const n = Math.min(block, frames - f);
    const part = (s: Stereo, ch: 0 | 1) => s[ch].subarray(f, f + n);
    a.process(part(inputA, 0), part(inputA, 1), part(outA, 0), part(outA, 1), n);
    b.process(part(inputB, 0), part(inputB, 1), part(outB, 0), part(outB, 1), n);
  }
  return [outA, outB];
}

export const instancesCheck: ValidatorCheck<'instances'> = {
  id: 'instances',
  title: 'Instances',
  explanation:
    'two instances interleaved block by block, on the same input and on different inputs, each give exactly what a lone instance gives (no shared state)',
  minStrictness: 4,
  run({ subject, random, rates }) {
    const rate = rates.includes(48000) ? 48000 : rates[0]!;
    const params: ParameterSet = randomSet(subject.definitions, random);
    const x = noise(Math.round(0.25 * rate), random.int(1, 2 ** 31));
    const y = noise(Math.round(0.25 * rate), random.int(1, 2 ** 31), 0.25);
    const alone = (input: Stereo) =>
      interleaved(freshInstance(subject, rate, params)!, freshInstance(subject, rate, params)!, input, input, 128)[0];
    subject.where = 'instances';
    const soloX = alone(x);
    const soloY = alone(y);
    for (const [label, inputB, soloB] of [
      ['the same input', x, soloX],
      ['different inputs', y, soloY],
    ] as const) {
      const [outA, outB] = interleaved(
        freshInstance(subject, rate, params)!,
        freshInstance(subject, rate, params)!,
        x,
        inputB,
        128,
      );
      for (const [which, out, solo] of [
        ['first', outA, soloX],
        ['second', outB, soloB],
      ] as const) {
        const d = firstDifference(solo, out);
        if (d) {
          return {
            status: 'fail',
            summary: `two instances on ${label}: the ${which} differs from a lone instance from frame ${d.frame} ${d.channel} (${d.a} alone, ${d.b} interleaved), ${describeParams(params)}`,
            worst: {
              what: `the ${which} of two interleaved instances on ${label} differs from a lone one`,
              params,
              sampleRate: rate,
              blockSize: 128,
              frame: d.frame,
              channel: d.channel,
              value: d.b,
              expected: d.a,
              excerpt: excerpt(d.frame, d.channel, { alone: solo, interleaved: out }),
            },
          };
        }
      }
    }
    return { status: 'pass', summary: 'interleaved instances match lone ones on the same and on different inputs' };
  },
};
