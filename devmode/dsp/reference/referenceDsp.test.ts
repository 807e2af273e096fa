import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { biquadMagnitudeDb } from '../../../harness/analysis/biquadResponse.ts';
import { tanhSineRmsDb } from '../../../harness/analysis/saturatorLevels.ts';
import { MockDsp } from '../mock/mockDsp.ts';
import { ABI_VERSION, REQUIRED_FUNCTIONS, type WasmDspExports } from '../../../contracts/wasm/abi.ts';
import { loadWasmDspFile } from '../../../contracts/wasm/loadWasmDspFile.ts';
import { WasmDsp } from '../../../contracts/wasm/wasmDsp.ts';
import { REFERENCE_WASM_PATH } from './referenceDsp.ts';

const SR = 48000;
let bytes: Uint8Array<ArrayBuffer>;
let ids: string[];

beforeAll(async () => {
  const loaded = await loadWasmDspFile(REFERENCE_WASM_PATH);
  bytes = loaded.bytes;
  ids = loaded.definitions.map((d) => d.id);
});

function fresh(): WasmDsp {
  return WasmDsp.instantiate(bytes, ids, SR);
}

function sine(frames: number, frequency: number, amplitude: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / SR));
}

function render(dsp: { process: WasmDsp['process'] }, input: Float32Array, block = 128): Float32Array {
  const out = new Float32Array(input.length);
  const right = new Float32Array(input.length);
  for (let i = 0; i < input.length; i += block) {
    const n = Math.min(block, input.length - i);
    const slice = input.subarray(i, i + n);
    const l = new Float32Array(n);
    const r = new Float32Array(n);
    dsp.process(slice, slice, l, r, n);
    out.set(l, i);
    right.set(r, i);
  }
  expect(Array.from(right)).toEqual(Array.from(out));
  return out;
}

const rmsDb = (x: Float32Array) => 10 * Math.log10(x.reduce((s, v) => s + v * v, 0) / x.length);
const peakDb = (x: Float32Array) => 20 * Math.log10(x.reduce((m, v) => Math.max(m, Math.abs(v)), 0));

describe('reference DSP: ABI v1', () => {
  it('exports every required function with its arity, and its memory; imports nothing', () => {
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    const exports = new WebAssembly.Instance(module, {}).exports as unknown as WasmDspExports;
    for (const [name, arity] of Object.entries(REQUIRED_FUNCTIONS)) {
      expect(typeof exports[name as keyof WasmDspExports], name).toBe('function');
      expect((exports[name as keyof WasmDspExports] as unknown as { length: number }).length, name).toBe(arity);
    }
    expect(exports.memory).toBeInstanceOf(WebAssembly.Memory);
    expect(exports.wc_abi_version()).toBe(ABI_VERSION);
    expect(exports.wc_init(48000, 0)).not.toBe(0);
    expect(exports.wc_init(48000, 100_000)).not.toBe(0);
    expect(exports.wc_init(Number.NaN, 128)).not.toBe(0);
    expect(exports.wc_init(44100, 512)).toBe(0);
  });

  it('exports the schema of parameters.json, byte for byte, in table order', async () => {
    const authored = JSON.parse(readFileSync(new URL('./parameters.json', import.meta.url), 'utf8')) as unknown[];
    expect((await loadWasmDspFile(REFERENCE_WASM_PATH)).definitions).toEqual(authored);
    expect(ids).toEqual(['input_gain', 'saturator_enabled', 'drive', 'filter_mode', 'filter_cutoff', 'filter_q', 'output_gain', 'bypass']);
  });

  it('wc_get_param reads back what wc_set_param set, clamped to the declared range', () => {
    const dsp = fresh();
    dsp.setParameter('filter_cutoff', 440);
    expect(dsp.getParameter('filter_cutoff')).toBe(440);
    dsp.setParameter('drive', 99);
    expect(dsp.getParameter('drive')).toBe(36);
    expect(dsp.getParameter('filter_q')).toBeCloseTo(0.707, 6);
  });
});

describe('reference DSP: behaviour', () => {
  it('gain law: input_gain and output_gain in dB', () => {
    const dsp = fresh();
    dsp.setParameter('input_gain', -6);
    dsp.setParameter('output_gain', -14);
    dsp.reset();
    const out = render(dsp, new Float32Array(256).fill(0.5));
    expect(20 * Math.log10(out[255]! / 0.5)).toBeCloseTo(-20, 5);
  });

  it('ramps a gain change linearly over exactly round(0.010 · rate) frames', () => {
    for (const rate of [48000, 44100]) {
      const dsp = WasmDsp.instantiate(bytes, ids, rate);
      dsp.setParameter('input_gain', -20);
      const out = render(dsp, new Float32Array(1000).fill(1));
      const n = Math.round(0.01 * rate);
      expect(out[n - 2]).toBeGreaterThan(0.1 + 1e-4);
      expect(out[n - 1]).toBeCloseTo(0.1, 6);
      expect(out[0]).toBeCloseTo(1 + (0.1 - 1) / n, 6);
      for (let i = 1; i < n; i++) expect(out[i]! - out[i - 1]!).toBeCloseTo((0.1 - 1) / n, 6);
    }
  });

  it('agrees with the mock DSP to float precision when only gains change', () => {
    const input = sine(48000, 997, 0.7);
    const wasm = fresh();
    const mock = new MockDsp(SR);
    const changes: [number, string, number][] = [
      [0, 'input_gain', -3],
      [9000, 'output_gain', 6],
      [9100, 'input_gain', -20], // mid-ramp retarget
      [30000, 'output_gain', -60],
    ];
    const run = (dsp: WasmDsp | MockDsp) => {
      const out = new Float32Array(input.length);
      const scratch = new Float32Array(128);
      for (let i = 0; i < input.length; i += 128) {
        for (const [at, id, value] of changes) if (at >= i && at < i + 128) dsp.setParameter(id, value);
        const n = Math.min(128, input.length - i);
        dsp.process(input.subarray(i, i + n), input.subarray(i, i + n), out.subarray(i, i + n), scratch, n);
      }
      return out;
    };
    const a = run(wasm);
    const b = run(mock);
    let noise = 0;
    let signal = 0;
    for (let i = 0; i < a.length; i++) {
      noise += (a[i]! - b[i]!) ** 2;
      signal += b[i]! ** 2;
    }
    const snrDb = noise === 0 ? Infinity : 10 * Math.log10(signal / noise);
    expect(snrDb).toBeGreaterThanOrEqual(120);
  });

  it('lowpass and highpass follow the RBJ magnitude response', () => {
    for (const [mode, kind] of [[1, 'lowpass'], [2, 'highpass']] as const) {
      for (const f of [100, 1000, 5000]) {
        const dsp = fresh();
        dsp.setParameter('filter_mode', mode);
        dsp.setParameter('filter_cutoff', 1000);
        dsp.setParameter('filter_q', 0.707);
        const out = render(dsp, sine(48000, f, 0.5)).subarray(24000); // settled, whole periods
        const expected = 20 * Math.log10(0.5) - 10 * Math.log10(2) + biquadMagnitudeDb(kind, 1000, 0.707, f, SR);
        expect(rmsDb(out), `${kind} at ${f} Hz`).toBeCloseTo(expected, 2);
      }
    }
  });

  it('saturates as tanh(drive·x), never past full scale', () => {
    const dsp = fresh();
    dsp.setParameter('saturator_enabled', 1);
    dsp.setParameter('drive', 24);
    const out = render(dsp, sine(4800, 1000, 10 ** (-6 / 20)));
    expect(peakDb(out)).toBeLessThanOrEqual(0);
    expect(rmsDb(out)).toBeCloseTo(tanhSineRmsDb(-6, 24), 2);
  });

  it('its tanh is Math.tanh to f32 precision from 1e-30 to beyond full scale, both signs', () => {
    const dsp = fresh();
    dsp.setParameter('saturator_enabled', 1);
    dsp.setParameter('drive', 0);
    // Magnitudes from 1e-30 to 10 (log spaced; around the 0.05 switch densely), both signs.
    const magnitudes = [...Array.from({ length: 600 }, (_, i) => 10 ** (-30 + (31 * i) / 599)), ...Array.from({ length: 200 }, (_, i) => 0.045 + i * 0.00005)];
    const input = Float32Array.from(magnitudes.flatMap((m) => [m, -m]));
    const out = render(dsp, input);
    let worst = 0;
    input.forEach((x, i) => {
      const exact = Math.fround(Math.tanh(x));
      worst = Math.max(worst, Math.abs(out[i]! - exact) / Math.abs(exact));
    });
    expect(worst).toBeLessThan(1.2e-7); // one f32 rounding step at most
  });

  it('bypass copies input to output exactly', () => {
    const dsp = fresh();
    dsp.setParameter('input_gain', 12);
    dsp.setParameter('filter_mode', 1);
    dsp.setParameter('bypass', 1);
    const input = sine(1000, 1234, 0.3);
    expect(Array.from(render(dsp, input))).toEqual(Array.from(input));
  });

  it('wc_reset clears filter memory and settles ramps, keeping parameters', () => {
    const dsp = fresh();
    dsp.setParameter('filter_mode', 1);
    dsp.setParameter('filter_cutoff', 200);
    render(dsp, new Float32Array(1000).fill(1)); // charge the filter
    const ringing = render(dsp, new Float32Array(64));
    expect(Math.abs(ringing[0]!)).toBeGreaterThan(0.1); // state carries over without a reset
    render(dsp, new Float32Array(1000).fill(1));
    dsp.setParameter('output_gain', -20); // a ramp in progress
    dsp.reset();
    expect(Array.from(render(dsp, new Float32Array(64)))).toEqual(new Array(64).fill(0));
    const settled = render(dsp, new Float32Array(1).fill(1));
    expect(dsp.getParameter('filter_cutoff')).toBe(200);
    // the first sample after a reset already has the full -20 dB (no ramp left) through the filter's first tap
    expect(settled[0]).toBeLessThan(0.1);
  });
});
