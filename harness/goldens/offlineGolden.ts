/**
 * Offline golden: the DSP's output for a scenario rendered offline (exact event frames), as a
 * float32 WAV, with a sidecar naming what it was made from.
 * Files: goldens/<path>/<scenario>.wav and goldens/<path>/<scenario>.wav.json.
 */

import { Type, type Static } from '@sinclair/typebox';
import { exact } from '../../contracts/schema/schemaParts.ts';
import { goldenHeaderFields } from './goldenHeader.ts';

export const OFFLINE_GOLDEN_VERSION = 1;

const sha256 = '[0-9a-f]{64}';

export const offlineSidecarSchema = Type.Object(
  {
    ...goldenHeaderFields(OFFLINE_GOLDEN_VERSION),
    frames: Type.Integer({ minimum: 1 }),
    eventFrames: Type.Array(Type.Integer({ minimum: 0 }), {
      description: "the frames at which each step's values were applied",
    }),
    fixtureSha256: Type.String({
      pattern: `^(${sha256}|tone)$`,
      description: "SHA-256 of the input fixture ('tone' for the test tone)",
    }),
    dspBuildSha256: Type.String({
      pattern: `^${sha256}$`,
      description: 'SHA-256 of the DSP build (the WASM module; for the mock, its source)',
    }),
    chromium: Type.Optional(
      Type.String({ description: 'the Chromium that rendered it; a failure under another says so first' }),
    ),
  },
  { $id: 'wavecraft/OfflineGoldenSidecar', ...exact },
);
export type OfflineGoldenSidecar = Static<typeof offlineSidecarSchema>;
