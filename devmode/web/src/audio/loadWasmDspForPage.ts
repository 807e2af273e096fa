/**
 * Fetches the WASM DSP on the main thread (the worklet scope has no fetch) and checks it against
 * the ABI before any audio runs. The worklet gets the bytes, not a compiled module: a
 * WebAssembly.Module posted to a worklet is reported to be dropped silently in Chromium.
 */
import { validateParameterDefinitions } from '../../../../contracts/ipc/validator.ts';
import { checkWasmDsp } from '../../../../contracts/wasm/checkWasmDsp.ts';

export async function loadWasmDspForPage(
  url: string,
  sampleRate: number,
): Promise<{ bytes: ArrayBuffer; parameterIds: string[]; name: string }> {
  const name = new URL(url, location.href).pathname;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`WASM DSP ${name}: HTTP ${response.status} fetching the module`);
  const bytes = await response.arrayBuffer();
  const { definitions } = await checkWasmDsp(bytes, name, validateParameterDefinitions, sampleRate);
  return { bytes, parameterIds: definitions.map((d) => d.id), name };
}
