/**
 * Where the built reference DSP lives, and its parameter definitions as the module itself
 * exports them (the single source: the dev server and the mock path both get them from here).
 */
import { fileURLToPath } from 'node:url';
import type { ParameterDefinition } from '../../../contracts/ipc/parameters.ts';
import { loadWasmDspFile } from '../../../contracts/wasm/loadWasmDspFile.ts';

export const REFERENCE_WASM_PATH = fileURLToPath(new URL('../build/reference.wasm', import.meta.url));

/** Reads the parameter definitions from a built module (default: the reference DSP). */
export async function loadParameterDefinitions(wasmPath = REFERENCE_WASM_PATH): Promise<ParameterDefinition[]> {
  return (await loadWasmDspFile(wasmPath)).definitions;
}
