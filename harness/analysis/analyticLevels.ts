/** Analytic levels of steady test signals, for specs that know what the DSP must produce. */
import type { ExpectedStageLevels } from './levelExpectations.ts';

/** A sine's RMS sits 10·log10(2) = 3.0103 dB below its peak. */
export const SINE_RMS_BELOW_PEAK_DB = 10 * Math.log10(2);

/** Peak and RMS of a sine with `peakDb` per channel (one number: both channels). */
export function sineLevels(peakDb: number | [number, number]): Required<ExpectedStageLevels> {
  const [l, r] = typeof peakDb === 'number' ? [peakDb, peakDb] : peakDb;
  return { peakDb: [l, r], rmsDb: [l - SINE_RMS_BELOW_PEAK_DB, r - SINE_RMS_BELOW_PEAK_DB] };
}
