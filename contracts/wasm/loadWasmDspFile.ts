/** Node side: reads a module file and checks it against ABI v1 with the ajv schema check. */
import { readFile } from 'node:fs/promises';
import { validateParameterDefinitions } from '../ipc/validator.ts';
import { checkWasmDsp, type CheckedWasmDsp } from './checkWasmDsp.ts';
import { WasmDspError } from './wasmDspError.ts';

export async function loadWasmDspFile(
  path: string,
  sampleRate = 48000,
): Promise<CheckedWasmDsp & { bytes: Uint8Array<ArrayBuffer> }> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new WasmDspError('WASM_COMPILE', path, 'file', `cannot read: ${(error as Error).message}`);
  }
  const checked = await checkWasmDsp(bytes, path, validateParameterDefinitions, sampleRate);
  return { ...checked, bytes };
}
