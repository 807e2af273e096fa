/**
 * 9. Parameter jumps: each parameter jumps at once from its minimum to its maximum and back (a
 * discrete one steps through its values), on noise and on a sine, with its processor switched in.
 * The output must stay finite and within the headroom (a biquad whose coefficients jump rings far
 * above it: named with the parameter, the jump and the peak), and the change must take effect the
 * same at max_frames blocks as at 128 (a fade spread over the block dips for a whole block).
 */
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import { switchIn } from '../../../contracts/ipc/processors.ts';
import { addScan, dbfs, describeSample, Problems, scanOutput } from '../problems.ts';
import { defaults, freshInstance, peakOf, renderBlocks, type ParameterChange, type ParameterSet } from '../render.ts';
import { noise, type Stereo } from '../testSignals.ts';
import { type ValidatorCheck } from '../validatorCheck.ts';
import { describeParams, excerpt } from '../worstCase.ts';
import { sine } from '../../signals/signals.ts';

const SEGMENT_SECONDS = 0.5;
const STEADY_SECONDS = 0.1;
/** Renders at 128 and at max_frames blocks may differ after a change by more than this (-60 dBFS) … */
const BLOCK_DIFFERENCE = 1e-3;
/** … for at most this long. */
const BLOCK_DIFFERENCE_SECONDS = 0.02;
const SINE_HZ = 220;

/** The values a parameter visits: min → max → min, or every discrete value then back to the first. */
export function jumpSequence(d: ParameterDefinition): number[] {
  if (d.type === 'float') return [d.min, d.max, d.min];
  const values: number[] = [];
  for (let v = d.min; v <= d.max; v++) values.push(v);
  return [...values, d.min];
}

function sineInput(frames: number, sampleRate: number): Stereo {
  const l = sine(frames, sampleRate, SINE_HZ, 20 * Math.log10(0.5));
  return [l, l.slice()];
}

const rms = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / Math.max(1, to - from));
};

export const parameterJumpsCheck: ValidatorCheck<'parameter-jumps'> = {
  id: 'parameter-jumps',
  title: 'Parameter jumps',
  explanation: `each parameter jumps at once from min to max and back (bool and enum: through every value), on noise and on a ${SINE_HZ} Hz sine at -6 dBFS, ${SEGMENT_SECONDS} s per value, with its processor switched in, at 48 kHz (every rate from strictness 8): no NaN, Inf or subnormal output, nothing beyond the headroom (--headroom, default 4 = +12 dBFS); and after each change the renders at max_frames and at 128-frame blocks differ by at most -60 dBFS or for at most ${BLOCK_DIFFERENCE_SECONDS * 1000} ms`,
  minStrictness: 4,
  run({ subject, options, rates }) {
    const problems = new Problems();
    const chosen = options.strictness >= 8 ? rates : [rates.includes(48000) ? 48000 : rates[0]!];
    let jumps = 0;
    for (const rate of chosen) {
      // Changes land on frames both block grids share, so a sample-accurate DSP renders both alike.
      const segment = Math.ceil((SEGMENT_SECONDS * rate) / subject.maxFrames) * subject.maxFrames;
      const steady = Math.round(STEADY_SECONDS * rate);
      subject.definitions.forEach((d, index) => {
        const sequence = jumpSequence(d);
        const frames = segment * sequence.length;
        const base: ParameterSet = {
          ...defaults(subject.definitions),
          ...switchIn(d.id, subject.definitions),
          [d.id]: sequence[0]!,
        };
        const changes: ParameterChange[] = sequence
          .slice(1)
          .map((value, k) => ({ frame: (k + 1) * segment, index, value }));
        for (const [signal, input] of [
          ['noise at -6 dBFS', noise(frames, 1 + index)],
          [`a ${SINE_HZ} Hz sine at -6 dBFS`, sineInput(frames, rate)],
        ] as const) {
          subject.where = `parameter-jumps, ${rate} Hz, ${d.id}, ${signal}`;
          const out = renderBlocks(freshInstance(subject, rate, base)!, input, () => 128, changes);
          jumps += changes.length;
          const jumpBefore = (frame: number) => Math.max(0, Math.min(sequence.length - 1, Math.floor(frame / segment)));
          const describeJump = (k: number) =>
            k === 0 ? `${d.id} held at ${sequence[0]}` : `${d.id} ${sequence[k - 1]} → ${sequence[k]}`;
          addScan(problems, scanOutput(out, options.headroom), (kind, found) => {
            const k = jumpBefore(found.frame);
            const settled = peakOf(out, (k + 1) * segment - steady, (k + 1) * segment).value;
            const after = k > 0 ? ` ${(((found.frame - k * segment) / rate) * 1000).toFixed(1)} ms after the jump` : '';
            const above =
              kind === 'level' || kind === 'blow-up'
                ? `, ${(20 * Math.log10(Math.abs(found.value) / settled)).toFixed(0)} dB above the steady state after it (${dbfs(settled)})`
                : '';
            return {
              what: `${describeJump(k)} on ${signal}: ${kind === 'level' || kind === 'blow-up' ? 'peak ' : ''}${describeSample(kind, found.value)}${after}${above}${kind === 'level' ? `, beyond the headroom ±${options.headroom}` : ''}`,
              params: { ...base, [d.id]: sequence[k]! },
              input: signal,
              sampleRate: rate,
              blockSize: 128,
              frame: found.frame,
              channel: found.channel,
              value: found.value,
              excerpt: excerpt(found.frame, found.channel, { output: out }),
            };
          });
          if (subject.maxFrames === 128) continue;
          subject.where = `parameter-jumps, ${rate} Hz, ${d.id}, ${signal}, blocks of ${subject.maxFrames}`;
          const big = renderBlocks(freshInstance(subject, rate, base)!, input, () => subject.maxFrames, changes);
          changes.forEach((change, c) => {
            let last = -1;
            let largest = 0;
            for (const ch of [0, 1] as const) {
              for (let i = change.frame; i < change.frame + segment; i++) {
                const diff = Math.abs(out[ch][i]! - big[ch][i]!);
                if (diff > BLOCK_DIFFERENCE || Number.isNaN(diff)) last = Math.max(last, i);
                if (diff > largest) largest = diff;
              }
            }
            const span = last - change.frame + 1;
            if (last < 0 || span <= BLOCK_DIFFERENCE_SECONDS * rate) return;
            // The level through the change at max_frames blocks, in 5 ms windows, against both sides.
            const w = Math.max(1, Math.round(0.005 * rate));
            const sides = Math.min(
              rms(big[0], change.frame - steady, change.frame),
              rms(big[0], change.frame + segment - steady, change.frame + segment),
            );
            let lowest = Infinity;
            for (let i = change.frame; i + w <= last + 1; i += w) lowest = Math.min(lowest, rms(big[0], i, i + w));
            const dip = 20 * Math.log10(lowest / sides);
            const dipText = sides > 0 && dip < -1 ? `; its level dips ${(-dip).toFixed(1)} dB below both sides` : '';
            problems.add(
              'block-dependent',
              1,
              {
                what: `${describeJump(c + 1)} on ${signal}: at ${subject.maxFrames}-frame blocks the output differs from 128-frame blocks for ${((span / rate) * 1000).toFixed(0)} ms after the change (by up to ${dbfs(largest)})${dipText}: a change spread over the block?`,
                params: { ...base, [d.id]: change.value },
                input: signal,
                sampleRate: rate,
                blockSize: subject.maxFrames,
                frame: change.frame,
                channel: 'L',
                value: largest,
                excerpt: excerpt(
                  change.frame + Math.round(span / 2),
                  'L',
                  { [`${subject.maxFrames}-frame blocks`]: big, '128-frame blocks': out },
                  Math.min(2000, Math.round(span / 2) + 48),
                ),
              },
              span / rate,
            );
          });
        }
      });
    }
    const worst = problems.worst();
    if (worst) {
      return {
        status: 'fail',
        summary: `${worst.what} (at ${worst.sampleRate} Hz, ${describeParams(worst.params)}); ${problems.tally()}`,
        worst,
        problems: problems.ranked(),
      };
    }
    return {
      status: 'pass',
      summary: `${jumps} jumps of ${subject.definitions.length} parameters at ${chosen.join(', ')} Hz: finite, within ±${options.headroom}, the same at ${subject.maxFrames}-frame blocks as at 128`,
    };
  },
};
