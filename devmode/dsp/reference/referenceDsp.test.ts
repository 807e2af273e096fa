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
    expect(ids).toEqual([
      'input_trim_bypass',
      'input_trim_level',
      'soft_clip_bypass',
      'soft_clip_drive_db',
      'tone_filter_bypass',
      'tone_filter_mode',
      'tone_filter_cutoff_hz',
      'tone_filter_resonance_q',
      'output_gain_bypass',
      'output_gain_level',
    ]);
  });

  it('wc_get_param reads back what wc_set_param set, clamped to the declared range', () => {
    const dsp = fresh();
    dsp.setParameter('tone_filter_cutoff_hz', 440);
    expect(dsp.getParameter('tone_filter_cutoff_hz')).toBe(440);
    dsp.setParameter('soft_clip_drive_db', 99);
    expect(dsp.getParameter('soft_clip_drive_db')).toBe(30);
    dsp.setParameter('output_gain_level', -1);
    expect(dsp.getParameter('output_gain_level')).toBe(0);
    expect(dsp.getParameter('tone_filter_resonance_q')).toBeCloseTo(0.707, 6);
  });
});

describe('reference DSP: behaviour', () => {
  it('starts transparent: soft_clip and tone_filter bypassed, both levels at unity', () => {
    const input = sine(1000, 1234, 0.3);
    expect(Array.from(render(fresh(), input))).toEqual(Array.from(input));
  });

  it('level law: input_trim_level and output_gain_level are linear factors', () => {
    const dsp = fresh();
    dsp.setParameter('input_trim_level', 0.5);
    dsp.setParameter('output_gain_level', 0.2);
    dsp.reset();
    const out = render(dsp, new Float32Array(256).fill(0.5));
    expect(out[255]).toBe(Math.fround(0.5 * 0.5 * 0.2));
    dsp.setParameter('output_gain_level', 0);
    dsp.reset();
    expect(render(dsp, new Float32Array(4).fill(0.5))[3]).toBe(0);
  });

  it('ramps a gain change linearly over exactly round(0.010 · rate) frames', () => {
    for (const rate of [48000, 44100]) {
      const dsp = WasmDsp.instantiate(bytes, ids, rate);
      dsp.setParameter('input_trim_level', 0.1);
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
      [0, 'input_trim_level', 0.7],
      [9000, 'output_gain_level', 2],
      [9100, 'input_trim_level', 0.1], // mid-ramp retarget
      [20000, 'input_trim_bypass', 1],
      [25000, 'output_gain_bypass', 1],
      [27000, 'input_trim_bypass', 0],
      [30000, 'output_gain_level', 0.001],
      [31000, 'output_gain_bypass', 0],
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

  it('low-pass, high-pass and band-pass follow the RBJ magnitude response', () => {
    for (const [mode, kind] of [
      [0, 'lowpass'],
      [1, 'highpass'],
      [2, 'bandpass'],
    ] as const) {
      for (const f of [100, 1000, 5000]) {
        const dsp = fresh();
        dsp.setParameter('tone_filter_bypass', 0);
        dsp.setParameter('tone_filter_mode', mode);
        dsp.setParameter('tone_filter_cutoff_hz', 1000);
        dsp.setParameter('tone_filter_resonance_q', 0.707);
        const out = render(dsp, sine(48000, f, 0.5)).subarray(24000); // settled, whole periods
        const expected = 20 * Math.log10(0.5) - 10 * Math.log10(2) + biquadMagnitudeDb(kind, 1000, 0.707, f, SR);
        expect(rmsDb(out), `${kind} at ${f} Hz`).toBeCloseTo(expected, 2);
      }
    }
  });

  it('saturates as tanh(drive·x), never past full scale', () => {
    const dsp = fresh();
    dsp.setParameter('soft_clip_bypass', 0);
    dsp.setParameter('soft_clip_drive_db', 24);
    const out = render(dsp, sine(4800, 1000, 10 ** (-6 / 20)));
    expect(peakDb(out)).toBeLessThanOrEqual(0);
    expect(rmsDb(out)).toBeCloseTo(tanhSineRmsDb(-6, 24), 2);
  });

  it('its tanh is Math.tanh to f32 precision from 1e-30 to beyond full scale, both signs', () => {
    const dsp = fresh();
    dsp.setParameter('soft_clip_bypass', 0);
    dsp.setParameter('soft_clip_drive_db', 0);
    // Magnitudes from 1e-30 to 10 (log spaced; around the 0.05 switch densely), both signs.
    const magnitudes = [
      ...Array.from({ length: 600 }, (_, i) => 10 ** (-30 + (31 * i) / 599)),
      ...Array.from({ length: 200 }, (_, i) => 0.045 + i * 0.00005),
    ];
    const input = Float32Array.from(magnitudes.flatMap((m) => [m, -m]));
    const out = render(dsp, input);
    let worst = 0;
    input.forEach((x, i) => {
      const exact = Math.fround(Math.tanh(x));
      worst = Math.max(worst, Math.abs(out[i]! - exact) / Math.abs(exact));
    });
    expect(worst).toBeLessThan(1.2e-7); // one f32 rounding step at most
  });

  it('every processor bypassed copies input to output exactly, whatever the other parameters', () => {
    const dsp = fresh();
    dsp.setParameter('input_trim_level', 2);
    dsp.setParameter('soft_clip_drive_db', 30);
    dsp.setParameter('tone_filter_mode', 1);
    dsp.setParameter('output_gain_level', 0.1);
    for (const id of ['input_trim_bypass', 'soft_clip_bypass', 'tone_filter_bypass', 'output_gain_bypass'])
      dsp.setParameter(id, 1);
    const input = sine(1000, 1234, 0.3);
    expect(Array.from(render(dsp, input))).toEqual(Array.from(input));
  });

  it('each bypass removes exactly its own processor', () => {
    const input = sine(4800, 1000, 0.5);
    const configure = (bypassed: string) => {
      const dsp = fresh();
      dsp.setParameter('input_trim_level', 0.5);
      dsp.setParameter('soft_clip_bypass', 0);
      dsp.setParameter('soft_clip_drive_db', 12);
      dsp.setParameter('tone_filter_bypass', 0);
      dsp.setParameter('tone_filter_mode', 1);
      dsp.setParameter('tone_filter_cutoff_hz', 20);
      dsp.setParameter('output_gain_level', 0.25);
      dsp.setParameter(bypassed, 1);
      dsp.reset();
      return rmsDb(render(dsp, input).subarray(2400));
    };
    const chain = (trim: number, drive: number, out: number) =>
      tanhSineRmsDb(20 * Math.log10(0.5 * trim), drive) + 20 * Math.log10(out);
    // The 20 Hz high-pass passes 1 kHz at 0 dB (to 0.001 dB); the soft clip at 12 dB is far from linear.
    expect(configure('input_trim_bypass')).toBeCloseTo(chain(1, 12, 0.25), 2);
    expect(configure('soft_clip_bypass')).toBeCloseTo(20 * Math.log10(0.5 * 0.5 * 0.25) - 10 * Math.log10(2), 2);
    expect(configure('tone_filter_bypass')).toBeCloseTo(chain(0.5, 12, 0.25), 2);
    expect(configure('output_gain_bypass')).toBeCloseTo(chain(0.5, 12, 1), 2);
  });

  it('wc_reset clears filter memory and settles ramps, keeping parameters', () => {
    const dsp = fresh();
    dsp.setParameter('tone_filter_bypass', 0);
    dsp.setParameter('tone_filter_mode', 0);
    dsp.setParameter('tone_filter_cutoff_hz', 200);
    render(dsp, new Float32Array(1000).fill(1)); // charge the filter
    const ringing = render(dsp, new Float32Array(64));
    expect(Math.abs(ringing[0]!)).toBeGreaterThan(0.1); // state carries over without a reset
    render(dsp, new Float32Array(1000).fill(1));
    dsp.setParameter('output_gain_level', 0.1); // a ramp in progress
    dsp.reset();
    expect(Array.from(render(dsp, new Float32Array(64)))).toEqual(new Array(64).fill(0));
    const settled = render(dsp, new Float32Array(1).fill(1));
    expect(dsp.getParameter('tone_filter_cutoff_hz')).toBe(200);
    // the first sample after a reset already has the full 0.1 level (no ramp left) through the filter's first tap
    expect(settled[0]).toBeLessThan(0.1);
  });
});
