/**
 * `wavecraft_wasm_dsp::export!` on a Wavecraft-style chain (fixtures/rust/wavecraft-style-chain,
 * against the stand-in for Wavecraft's API): built with Debian's cargo offline and with plain
 * rustc, the module has the schema `wavecraft_plugin!` would give the same chain, applies values as
 * Wavecraft's dev-audio bridge does, and passes the validator at strictness 10, every check.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmDspFile } from '../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../contracts/wasm/wasmDsp.ts';
import { cargoBuildStyleChain, rustcBuildStyleChain } from '../../fixtures/rust/buildWavecraftChain.ts';
import { formatConsoleReport } from '../../harness/validate/validationReport.ts';
import { validateWasmFile } from '../../harness/validate/runValidation.ts';

const dir = mkdtempSync(join(tmpdir(), 'wasm-dsp-export-'));
let cargoBuilt = '';
let rustcBuilt = '';

beforeAll(() => {
  cargoBuilt = cargoBuildStyleChain(dir);
  rustcBuilt = rustcBuildStyleChain(dir);
});

/** The schema `wavecraft_plugin!` gives SignalChain![Oscillator, InputTrim, ToneFilter, SoftClip, OutputGain]. */
const EXPECTED_SCHEMA = [
  { id: 'oscillator_enabled', name: 'Enabled', type: 'bool', default: 0, min: 0, max: 1 },
  {
    id: 'oscillator_frequency',
    name: 'Frequency',
    type: 'float',
    default: 440,
    min: 20,
    max: 20000,
    unit: 'Hz',
    skew: 2.5,
  },
  { id: 'oscillator_level', name: 'Level', type: 'float', default: 0.5, min: 0, max: 1, unit: '%' },
  { id: 'oscillator_bypass', name: 'Oscillator Bypass', type: 'bool', default: 0, min: 0, max: 1 },
  { id: 'input_trim_level', name: 'Level', type: 'float', default: 1, min: 0, max: 2, unit: 'x', skew: 2.5 },
  { id: 'input_trim_bypass', name: 'Input Trim Bypass', type: 'bool', default: 0, min: 0, max: 1 },
  {
    id: 'tone_filter_mode',
    name: 'Mode',
    type: 'enum',
    default: 0,
    min: 0,
    max: 2,
    group: 'Filter',
    variants: ['Low-pass', 'High-pass', 'Band-pass'],
  },
  {
    id: 'tone_filter_cutoff_hz',
    name: 'Cutoff',
    type: 'float',
    default: 1000,
    min: 20,
    max: 20000,
    unit: 'Hz',
    group: 'Filter',
    skew: 2.5,
  },
  {
    id: 'tone_filter_resonance_q',
    name: 'Resonance',
    type: 'float',
    default: 0.707,
    min: 0.1,
    max: 10,
    unit: 'Q',
    group: 'Filter',
  },
  { id: 'tone_filter_bypass', name: 'Tone Filter Bypass', type: 'bool', default: 0, min: 0, max: 1 },
  {
    id: 'soft_clip_drive_db',
    name: 'Drive',
    type: 'float',
    default: 0,
    min: -24,
    max: 24,
    unit: 'dB',
    group: 'Saturator',
  },
  { id: 'soft_clip_bypass', name: 'Soft Clip Bypass', type: 'bool', default: 0, min: 0, max: 1 },
  { id: 'output_gain_level', name: 'Level', type: 'float', default: 1, min: 0, max: 2, unit: 'x', skew: 2.5 },
  { id: 'output_gain_bypass', name: 'Output Gain Bypass', type: 'bool', default: 0, min: 0, max: 1 },
];

describe('wavecraft_wasm_dsp::export!', () => {
  it("builds with Debian's cargo offline and with plain rustc, to modules with the same schema", async () => {
    const [cargo, rustc] = await Promise.all([loadWasmDspFile(cargoBuilt), loadWasmDspFile(rustcBuilt)]);
    expect(rustc.definitions).toEqual(cargo.definitions);
  });

  it('names every parameter as wavecraft_plugin! does: <processor>_<id_suffix>, a <processor>_bypass each, names, units, groups, ranges, variants and skews from the specs', async () => {
    const { definitions } = await loadWasmDspFile(cargoBuilt);
    expect(definitions).toEqual(EXPECTED_SCHEMA);
  });

  it('numbers a processor type that comes twice from its second (gain, gain_2), by its last path segment', async () => {
    const { definitions } = await loadWasmDspFile(rustcBuildStyleChain(dir, ['duplicate']));
    expect(definitions.map((d) => d.id)).toEqual([
      'gain_level',
      'gain_bypass',
      'tone_filter_mode',
      'tone_filter_cutoff_hz',
      'tone_filter_resonance_q',
      'tone_filter_bypass',
      'gain_2_level',
      'gain_2_bypass',
    ]);
    expect(definitions.find((d) => d.id === 'gain_2_bypass')!.name).toBe('Gain Bypass');
  });

  it("applies values as Wavecraft's dev-audio bridge: floats clamped, bools and enums rounded, NaN ignored; every value reaches the DSP", async () => {
    const { bytes, definitions } = await loadWasmDspFile(cargoBuilt);
    const ids = definitions.map((d) => d.id);
    const dsp = await WasmDsp.instantiate(bytes, ids, 48000);
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as {
      wc_init(rate: number, frames: number): number;
      wc_set_param(i: number, v: number): void;
      wc_get_param(i: number): number;
    };
    expect(exports.wc_init(48000, 128)).toBe(0);
    const at = (id: string) => ids.indexOf(id);
    const set = (id: string, v: number) => (exports.wc_set_param(at(id), v), exports.wc_get_param(at(id)));
    expect(set('oscillator_frequency', 30000)).toBe(20000);
    expect(set('oscillator_frequency', 5)).toBe(20);
    expect(set('oscillator_enabled', 0.7)).toBe(1);
    expect(set('oscillator_enabled', 0.2)).toBe(0);
    expect(set('tone_filter_mode', 1.6)).toBe(2);
    expect(set('tone_filter_mode', 7)).toBe(2);
    expect(set('soft_clip_drive_db', Number.NaN)).toBe(0);
    expect(exports.wc_init(48000, 8193), 'more frames than the buffers hold').not.toBe(0);
    // Through the host the harness uses: silence in, the oscillator switched on at 1 kHz and -6 dB: a 1 kHz sine out.
    const frames = 38 * 128;
    const out: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
    dsp.setParameter('oscillator_enabled', 1);
    dsp.setParameter('oscillator_frequency', 1000);
    dsp.setParameter('tone_filter_cutoff_hz', 20000);
    // Silence in, `frames` out, in 128-frame blocks.
    const renderSilence = () => {
      for (let f = 0; f < frames; f += 128)
        dsp.process(
          new Float32Array(128),
          new Float32Array(128),
          out[0].subarray(f, f + 128),
          out[1].subarray(f, f + 128),
          128,
        );
    };
    renderSilence();
    const peak = Math.max(...out[0].subarray(480).map(Math.abs));
    expect(20 * Math.log10(peak), 'the oscillator at level 0.5 through the soft clipper: 0.5 / 1.5').toBeCloseTo(
      20 * Math.log10(1 / 3),
      0,
    );
    // Bypassing it brings silence back (after the crossfade).
    dsp.setParameter('oscillator_bypass', 1);
    renderSilence();
    expect(Math.max(...out[0].subarray(480).map(Math.abs))).toBe(0);
  });

  it("passes the validator at strictness 10 but for its processors' clicks: the bindings add no defect of their own", async () => {
    const report = await validateWasmFile(cargoBuilt, { strictness: 10 });
    // The chain's processors are Wavecraft's as they are: GainDsp's level and the filter's cutoff jump at once, so
    // parameter-jumps hears clicks (a true finding, Wavecraft's own). Every other check passes.
    expect(
      report.checks.filter((c) => c.status !== 'pass').map((c) => c.id),
      formatConsoleReport(report),
    ).toEqual(['parameter-jumps']);
    const jumps = report.checks.find((c) => c.id === 'parameter-jumps')!;
    expect(jumps.problems!.map((p) => p.kind)).toEqual(['click']);
    console.log(
      `[export!] validate --strictness 10: ${report.checks.length - 1} of ${report.checks.length} checks pass, parameter-jumps hears the processors' clicks (${(report.durationMs / 1000).toFixed(1)} s)`,
    );
    expect(readFileSync(cargoBuilt).length).toBeLessThan(400_000);
  });
});
