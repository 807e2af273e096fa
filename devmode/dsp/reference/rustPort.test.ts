/**
 * The reference chain has a second implementation in Rust (fixtures/rust/referenceChain.rs), the
 * external build the soak runs this repo's reference specs against. The two must agree sample
 * for sample: through every stage, with ramps, on both channels.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWasmDspFile } from '../../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../../contracts/wasm/wasmDsp.ts';
import { buildRustReferenceChain } from '../../../fixtures/rust/buildRustWasm.ts';
import { REFERENCE_WASM_PATH } from './referenceDsp.ts';

describe('the Rust port of the reference chain', () => {
  it('has the same schema and renders the same samples as the AssemblyScript build', async () => {
    const rust = buildRustReferenceChain(join(mkdtempSync(join(tmpdir(), 'rust-ref-')), 'reference.wasm'));
    const [a, b] = await Promise.all([loadWasmDspFile(REFERENCE_WASM_PATH), loadWasmDspFile(rust)]);
    expect(b.definitions).toEqual(a.definitions);
    const ids = a.definitions.map((d) => d.id);
    const dsps = [
      WasmDsp.instantiate(readFileSync(REFERENCE_WASM_PATH), ids, 44100),
      WasmDsp.instantiate(readFileSync(rust), ids, 44100),
    ];
    const n = 44100;
    const inL = Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i * 0.13) + 0.1 * Math.sin(i * 1.7));
    const inR = Float32Array.from({ length: n }, (_, i) => 0.25 * Math.sin(i * 0.07));
    const outs = dsps.map(() => [new Float32Array(n), new Float32Array(n)] as const);
    const changes: [number, Record<string, number>][] = [
      [
        0,
        {
          input_trim_level: 2,
          soft_clip_bypass: 0,
          soft_clip_drive_db: 12,
          tone_filter_bypass: 0,
          tone_filter_mode: 1,
          tone_filter_cutoff_hz: 300,
          tone_filter_resonance_q: 1,
          output_gain_level: 0.35,
        },
      ],
      [8000, { tone_filter_mode: 0, tone_filter_cutoff_hz: 5000, input_trim_level: 0.7 }],
      [16000, { tone_filter_mode: 2, tone_filter_resonance_q: 3, soft_clip_bypass: 1, output_gain_level: 1.6 }],
      [24000, { input_trim_bypass: 1, output_gain_bypass: 1 }],
      [32000, { tone_filter_bypass: 1, input_trim_bypass: 0 }],
      [40000, { soft_clip_bypass: 0, output_gain_bypass: 0 }],
    ];
    for (let f = 0; f < n; f += 128) {
      for (const [at, set] of changes)
        if (at >= f && at < f + 128)
          dsps.forEach((d) => Object.entries(set).forEach(([id, v]) => d.setParameter(id, v)));
      const m = Math.min(128, n - f);
      dsps.forEach((d, k) =>
        d.process(
          inL.subarray(f, f + m),
          inR.subarray(f, f + m),
          outs[k]![0].subarray(f, f + m),
          outs[k]![1].subarray(f, f + m),
          m,
        ),
      );
    }
    for (const ch of [0, 1]) expect(Array.from(outs[1]![ch]!)).toEqual(Array.from(outs[0]![ch]!));
  });
});
