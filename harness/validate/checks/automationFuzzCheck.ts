/**
 * 8. Automation fuzz: seeded random parameter changes every 1 to 64 frames for 10 s at each rate;
 * finite output throughout, and after it a tail that is silent or still dying away (tailRule.ts).
 */
import { randomValue } from '../parameterSets.ts';
import { concat, defaults, freshInstance, renderBlocks, scanSamples, type ParameterChange } from '../render.ts';
import { describeTail, judgeTail, TAIL_DECAY_DB as DECAY_DB, TAIL_WINDOW_SECONDS as WINDOW_SECONDS } from '../tailRule.ts';
import { makeSignal, noise } from '../testSignals.ts';
import { excerpt, type ValidatorCheck, type WorstCase } from '../validatorCheck.ts';

const SECONDS = 10;

export const automationFuzzCheck: ValidatorCheck = {
  id: 'automation-fuzz',
  title: 'Automation fuzz',
  explanation: `seeded random parameter changes every 1 to 64 frames (blocks cut at each change) for ${SECONDS} s of noise at each rate: no NaN, Inf or subnormal output, and within the tail after it the output is below -120 dBFS or still falling (its last ${WINDOW_SECONDS} s at least ${DECAY_DB} dB below the ${WINDOW_SECONDS} s before)`,
  minStrictness: 5,
  run({ subject, options, random, rates }) {
    const definitions = subject.definitions;
    let worst: WorstCase | null = null;
    let changesTotal = 0;
    for (const rate of rates) {
      const frames = SECONDS * rate;
      const tail = Math.round((options.tailSeconds + WINDOW_SECONDS) * rate);
      const input = concat(noise(frames, random.int(1, 2 ** 31)), makeSignal('silence', tail, rate));
      const changes: ParameterChange[] = [];
      const values = defaults(definitions);
      for (let frame = random.int(1, 64); frame < frames && definitions.length > 0; frame += random.int(1, 64)) {
        const index = random.int(0, definitions.length - 1);
        const value = randomValue(definitions[index]!, random);
        changes.push({ frame, index, value });
      }
      changesTotal += changes.length;
      subject.where = `automation-fuzz, ${rate} Hz`;
      const out = renderBlocks(freshInstance(subject, rate, values)!, input, () => subject.maxFrames, changes);
      const scan = scanSamples(out);
      const at = (frame: number) => {
        const state = { ...values };
        for (const c of changes) {
          if (c.frame > frame) break;
          state[definitions[c.index]!.id] = c.value;
        }
        return state;
      };
      if (scan.first && !worst) {
        worst = {
          what: `${scan.firstKind} output during automation (${scan.nan} NaN, ${scan.inf} Inf, ${scan.subnormal} subnormal in ${SECONDS} s)`,
          params: at(scan.first.frame),
          input: 'seeded white noise at -6 dBFS',
          sampleRate: rate,
          blockSize: 'cut at each change (1 to 64 frames)',
          frame: scan.first.frame,
          channel: scan.first.channel,
          value: scan.first.value,
          excerpt: excerpt(scan.first.frame, scan.first.channel, { output: out }),
        };
      }
      if (!options.generator && !worst) {
        const tail = judgeTail(out, frames + Math.round(options.tailSeconds * rate), rate);
        const peak = tail.peak;
        if (!tail.ok) {
          worst = {
            what: `output at ${(20 * Math.log10(peak.value)).toFixed(1)} dBFS ${options.tailSeconds} s into the silence after automation, and ${describeTail(tail)}`,
            params: at(frames),
            input: `${SECONDS} s of noise with automation, then silence`,
            sampleRate: rate,
            frame: peak.frame,
            channel: peak.channel,
            value: out[peak.channel === 'L' ? 0 : 1][peak.frame]!,
          };
        }
      }
    }
    if (worst) return { status: 'fail', summary: `${worst.what}: ${worst.value} at ${worst.sampleRate} Hz, frame ${worst.frame} ${worst.channel}`, worst };
    return { status: 'pass', summary: `${changesTotal} changes over ${SECONDS} s at each of ${rates.length} rates: finite, no subnormals, silent or dying away after` };
  },
};
