/** Level and SNR tolerances, declared once: a suite's (wavecraft.config.json) or a scenario's own. */
import { Type } from '@sinclair/typebox';

/** Where no file sets one. */
export const TOLERANCE_DEFAULTS = { levelDb: 0.1, offlineSnrDb: 120, liveSnrDb: 60 } as const;

export const TOLERANCE_FIELDS = {
  levelDb: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 20,
      default: TOLERANCE_DEFAULTS.levelDb,
      description: 'settled peak and RMS, ± dB',
    }),
  ),
  offlineSnrDb: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 300,
      default: TOLERANCE_DEFAULTS.offlineSnrDb,
      description: 'an offline render against its golden, SNR dB at least',
    }),
  ),
};
