/** The DSP paths a page runs and a scenario names: the mock DSP (JS) and the WASM DSP. Declared once. */
export const DSP_PATHS = ['mock', 'wasm'] as const;
export type DspPath = (typeof DSP_PATHS)[number];

/** What the worklet needs from a DSP implementation (mock JS or WASM). */
export interface DspBackend {
  /** Which implementation this is, as the probe reports it. */
  readonly kind: DspPath;
  /** Processes `frames` stereo frames; input and output arrays hold at least `frames` samples. */
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void;
  /** Applies a parameter value (already range-checked by the dev server). Unknown ids are ignored. */
  setParameter(id: string, value: number): void;
  /** The value in use for `id` (NaN for an unknown id): what the DSP stored, which the validator checks. */
  getParameter(id: string): number;
  /** Clears processing state (ramps, filter memory) and keeps parameter values. */
  reset(): void;
}
