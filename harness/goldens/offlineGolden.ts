/**
 * Offline golden: the DSP's output for a scenario rendered offline (exact event frames), as a
 * float32 WAV, with a sidecar naming what it was made from.
 * Files: goldens/<path>/<scenario>.wav and goldens/<path>/<scenario>.wav.json.
 */

export const OFFLINE_GOLDEN_VERSION = 1;

export interface OfflineGoldenSidecar {
  schemaVersion: 1;
  scenario: string;
  path: string;
  sampleRate: number;
  frames: number;
  /** Frames at which each step's values were applied. */
  eventFrames: number[];
  /** SHA-256 of the input fixture ('tone' for the test tone). */
  fixtureSha256: string;
  /** SHA-256 of the DSP build (the WASM module; for the mock, its source). */
  dspBuildSha256: string;
  /** The Chromium that rendered it (`browser.version()`); a failure under another says so first. */
  chromium?: string;
}

export const offlineSidecarSchema = {
  $id: 'wavecraft/OfflineGoldenSidecar',
  type: 'object',
  required: [
    'schemaVersion',
    'scenario',
    'path',
    'sampleRate',
    'frames',
    'eventFrames',
    'fixtureSha256',
    'dspBuildSha256',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: OFFLINE_GOLDEN_VERSION },
    scenario: { type: 'string' },
    path: { type: 'string' },
    sampleRate: { type: 'number', exclusiveMinimum: 0 },
    frames: { type: 'integer', minimum: 1 },
    eventFrames: { type: 'array', items: { type: 'integer', minimum: 0 } },
    fixtureSha256: { type: 'string', pattern: '^([0-9a-f]{64}|tone)$' },
    dspBuildSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    chromium: { type: 'string' },
  },
} as const;
