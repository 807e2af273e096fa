/** Builds the reference WASM DSP (AssemblyScript) when its sources changed. */
import { buildReferenceDsp } from '../../devmode/dsp/reference/buildReferenceDsp.ts';

export async function ensureReferenceDsp(log: (line: string) => void): Promise<void> {
  await buildReferenceDsp(log);
}
