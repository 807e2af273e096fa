/** A DSP build's cost in Node at its default parameter values: median ns per stereo frame in 128-frame blocks. */
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';

export async function measureDspNsPerFrame(wasmPath: string, repeats = 5, frames = 240_000, block = 128): Promise<number> {
  const { bytes, definitions } = await loadWasmDspFile(wasmPath);
  const dsp = WasmDsp.instantiate(bytes, definitions.map((d) => d.id), 48000);
  for (const d of definitions) dsp.setParameter(d.id, d.default);
  const input = Float32Array.from({ length: block }, (_, i) => 0.5 * Math.sin(i / 7));
  const outL = new Float32Array(block);
  const outR = new Float32Array(block);
  const run = (blocks: number) => {
    const started = process.hrtime.bigint();
    for (let b = 0; b < blocks; b++) dsp.process(input, input, outL, outR, block);
    return Number(process.hrtime.bigint() - started) / (blocks * block);
  };
  run(Math.ceil(frames / block / 4));
  const samples = Array.from({ length: repeats }, () => run(Math.ceil(frames / block))).sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]! * 100) / 100;
}
