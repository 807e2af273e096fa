/** 2. Sample rates: wc_init at each common rate either succeeds or refuses with non-zero; it never traps. */
import { DspTrap } from '../dspUnderTest.ts';
import type { ValidatorCheck } from '../validatorCheck.ts';

export const SAMPLE_RATES = [22050, 32000, 44100, 48000, 88200, 96000, 192000];
/** The rates browsers run an AudioContext at: a DSP must accept these. */
const REQUIRED_RATES = [44100, 48000];

export const sampleRatesCheck: ValidatorCheck<'sample-rates'> = {
  id: 'sample-rates',
  title: 'Sample rates',
  explanation: `wc_init at ${SAMPLE_RATES.join(', ')} Hz succeeds or refuses with a non-zero status, never traps; 44100 and 48000 (the browsers' rates) are accepted. Later checks run at every accepted rate.`,
  minStrictness: 1,
  runs: 'first',
  required: true,
  run(context) {
    const accepted: number[] = [];
    const refused: string[] = [];
    for (const rate of SAMPLE_RATES) {
      try {
        const made = context.subject.create(rate);
        if ('refused' in made) refused.push(`${rate} (status ${made.refused})`);
        else accepted.push(rate);
      } catch (error) {
        const call = error instanceof DspTrap ? error.call : 'wc_init';
        return {
          status: 'fail',
          summary: `${call} trapped at ${rate} Hz: ${(error as Error).message}`,
          worst: { what: `${call} trapped`, sampleRate: rate },
        };
      }
    }
    context.rates.push(...accepted);
    const missing = REQUIRED_RATES.filter((r) => !accepted.includes(r));
    if (missing.length > 0) {
      return {
        status: 'fail',
        summary: `refuses ${missing.join(' and ')} Hz, which browsers run at; accepts ${accepted.join(', ') || 'none'}`,
        worst: { what: 'a browser rate refused', sampleRate: missing[0]! },
      };
    }
    return {
      status: 'pass',
      summary: `accepts ${accepted.join(', ')} Hz${refused.length ? `; refuses ${refused.join(', ')}` : ''}`,
    };
  },
};
