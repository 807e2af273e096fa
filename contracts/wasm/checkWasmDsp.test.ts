import { describe, expect, it } from 'vitest';
import { buildWatDsp, WAT_DEFAULT_SCHEMA, type WatDspOptions } from '../../fixtures/wasm/watDspModule.ts';
import { validateParameterDefinitions } from '../ipc/validator.ts';
import { checkWasmDsp } from './checkWasmDsp.ts';
import { WasmDsp } from './wasmDsp.ts';

const check = async (options: WatDspOptions) =>
  checkWasmDsp(await buildWatDsp(options), 'external.wasm', validateParameterDefinitions);

describe('ABI v1 checks name the module and the export or field', () => {
  it('accepts a compliant external module and reads its schema', async () => {
    const { definitions, exports } = await check({});
    expect(definitions).toEqual(JSON.parse(WAT_DEFAULT_SCHEMA));
    expect(exports.wc_abi_version()).toBe(1);
  });

  it.each([
    ['wc_process', 'WASM_MISSING_EXPORT', /WASM DSP external\.wasm: missing required export wc_process/],
    ['wc_reset', 'WASM_MISSING_EXPORT', /missing required export wc_reset/],
    ['memory', 'WASM_MISSING_EXPORT', /missing required export memory/],
  ])('a module without %s', async (omitExport, code, message) => {
    const failure = check({ omitExport });
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toMatchObject({ code, subject: omitExport, module: 'external.wasm' });
  });

  it('a wrong ABI version', async () => {
    await expect(check({ abiVersion: 2 })).rejects.toThrow('wc_abi_version() returned 2; this host speaks ABI 1');
  });

  it('a schema that is not JSON', async () => {
    await expect(check({ schema: '[{"id": "x",' })).rejects.toMatchObject({
      code: 'WASM_SCHEMA_JSON',
      subject: 'wc_schema_ptr',
    });
  });

  it('a schema that does not match its JSON Schema, with the pointer', async () => {
    const schema = JSON.stringify([{ id: 'g', name: 'G', type: 'float', default: 0, min: 0 }]);
    const failure = check({ schema });
    await expect(failure).rejects.toThrow(
      /the schema does not match the parameter definition schema: \/0 must have required property 'max'/,
    );
    await expect(failure).rejects.toMatchObject({ code: 'WASM_SCHEMA_INVALID' });
  });

  it('a schema whose values contradict each other', async () => {
    const schema = JSON.stringify([{ id: 'g', name: 'G', type: 'float', default: 5, min: 0, max: 1 }]);
    await expect(check({ schema })).rejects.toMatchObject({ code: 'WASM_SCHEMA_INVALID', subject: '/0/default' });
  });

  it('wc_init returning non-zero', async () => {
    await expect(check({ initResult: 3 })).rejects.toThrow('wc_init(48000, 4096) returned 3, not 0');
  });

  it('an import', async () => {
    await expect(check({ withImport: true })).rejects.toThrow('imports env.log; an ABI v1 module must import nothing');
  });

  it('bytes that are not WebAssembly', async () => {
    await expect(
      checkWasmDsp(new Uint8Array([1, 2, 3, 4]), 'junk.wasm', validateParameterDefinitions),
    ).rejects.toMatchObject({ code: 'WASM_COMPILE' });
  });
});

describe('WasmDsp backend', () => {
  it('runs the external module: a fixed -6 dB gain that ignores its parameter', async () => {
    const dsp = WasmDsp.instantiate(await buildWatDsp({ gainDb: -6 }), ['input_trim_level'], 48000);
    dsp.setParameter('input_trim_level', 0.25);
    expect(dsp.getParameter('input_trim_level')).toBe(0.25);
    const input = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i / 10));
    const outL = new Float32Array(300);
    const outR = new Float32Array(300);
    dsp.process(input, input, outL, outR, 300);
    const g = Math.fround(10 ** (-6 / 20));
    expect(Array.from(outL)).toEqual(Array.from(input, (x) => Math.fround(x * g)));
  });

  it('slices blocks longer than maxFrames', async () => {
    const dsp = WasmDsp.instantiate(await buildWatDsp({ gainDb: 0 }), ['input_trim_level'], 48000, 64);
    const input = Float32Array.from({ length: 1000 }, (_, i) => i / 1000);
    const out = new Float32Array(1000);
    dsp.process(input, input, out, new Float32Array(1000), 1000);
    expect(Array.from(out)).toEqual(Array.from(input));
  });

  it('surfaces a trap in wc_process as an exception', async () => {
    const dsp = WasmDsp.instantiate(await buildWatDsp({ trapAfterCalls: 1 }), ['input_trim_level'], 48000);
    const block = new Float32Array(128);
    dsp.process(block, block, block, block, 128);
    expect(() => dsp.process(block, block, block, block, 128)).toThrow(WebAssembly.RuntimeError);
  });
});
