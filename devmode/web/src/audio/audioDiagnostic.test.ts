import { describe, expect, it } from 'vitest';
import { AUDIO_DIAGNOSTIC_CODES } from '../../../../contracts/ipc/messages.ts';
import { WasmDspError } from '../../../../contracts/wasm/wasmDspError.ts';
import { audioDiagnostic, moduleFailure, sourceFailure } from './audioDiagnostic.ts';

const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('audio diagnostics', () => {
  it("maps module failures to Wavecraft's codes", () => {
    expect(
      moduleFailure(
        new WasmDspError('WASM_MISSING_EXPORT', '/dsp.wasm', 'wc_process', 'missing required export wc_process'),
      ).diagnostic.code,
    ).toBe('vtableMissing');
    expect(
      moduleFailure(new WasmDspError('WASM_ABI_VERSION', '/dsp.wasm', 'wc_abi_version', 'returned 2')).diagnostic.code,
    ).toBe('vtableMissing');
    expect(
      moduleFailure(new WasmDspError('WASM_COMPILE', '/dsp.wasm', 'module', 'does not compile')).diagnostic.code,
    ).toBe('loaderUnavailable');
    expect(
      moduleFailure(new WasmDspError('WASM_INIT_FAILED', '/dsp.wasm', 'wc_init', 'returned 1')).diagnostic.code,
    ).toBe('processorCreateFailed');
    expect(moduleFailure(new Error('WASM DSP /dsp.wasm: HTTP 404 fetching the module')).diagnostic).toMatchObject({
      code: 'loaderUnavailable',
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('maps getUserMedia errors by their DOMException name, keeping the name in the message', () => {
    expect(sourceFailure('mic', domError('NotAllowedError', 'Permission denied'))).toMatchObject({
      code: 'inputPermissionDenied',
      message: 'could not start the mic source: NotAllowedError: Permission denied',
    });
    expect(sourceFailure('mic', domError('NotFoundError', 'Requested device not found')).code).toBe('noInputDevice');
    // A headless shell has no permission prompt: it says NotSupportedError where Chromium says NotAllowedError.
    expect(sourceFailure('mic', domError('NotSupportedError', 'Not supported'))).toMatchObject({
      code: 'inputPermissionDenied',
      message: expect.stringMatching(
        /^could not start the mic source: NotSupportedError: Not supported: this browser cannot ask for microphone permission .*fake capture works .*a real microphone does not$/,
      ),
    });
    expect(sourceFailure('mic', domError('NotReadableError', 'Could not start audio source')).code).toBe(
      'streamStartFailed',
    );
    expect(sourceFailure('file', domError('EncodingError', 'Unable to decode')).code).toBe('streamStartFailed');
  });

  it('gives every code a hint', () => {
    for (const code of AUDIO_DIAGNOSTIC_CODES) expect(audioDiagnostic(code, 'm').hint!.length).toBeGreaterThan(30);
  });
});
