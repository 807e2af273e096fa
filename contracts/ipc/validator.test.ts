import { describe, expect, it } from 'vitest';
import { AUDIO_DIAGNOSTIC_CODES, METHOD_NAMES, NOTIFICATION_NAMES } from './messages.ts';
import { readFileSync } from 'node:fs';
import {
  validateNotification,
  validateParameterDefinitions,
  validateParams,
  validateRequestEnvelope,
  validateResult,
  validateServerEnvelope,
} from './validator.ts';

describe('request envelope', () => {
  it.each([
    [{ jsonrpc: '2.0', id: 1, method: 'ping' }],
    [{ jsonrpc: '2.0', id: 'a', method: 'getParameter', params: { id: 'x' } }],
    [{ jsonrpc: '2.0', method: 'meterUpdate', params: {} }],
  ])('accepts %j', (message) => expect(validateRequestEnvelope(message)).toEqual({ ok: true, errors: [] }));

  it.each([
    [[], '/ must be object'],
    [42, '/ must be object'],
    [{ id: 1, method: 'ping' }, "must have required property 'jsonrpc'"],
    [{ jsonrpc: '1.0', id: 1, method: 'ping' }, '/jsonrpc must be equal to constant'],
    [{ jsonrpc: '2.0', id: { x: 1 }, method: 'ping' }, '/id must be string,number'],
    [{ jsonrpc: '2.0', id: 1, method: 7 }, '/method must be string'],
    [{ jsonrpc: '2.0', id: 1, method: 'ping', params: 'x' }, '/params must be object,array'],
  ])('rejects %j', (message, error) => {
    const result = validateRequestEnvelope(message);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toContain(error);
  });
});

describe('method params and results', () => {
  it('accepts the documented shapes', () => {
    expect(validateParams('getParameter', { id: 'input_trim_level' }).ok).toBe(true);
    expect(validateParams('setParameter', { id: 'input_trim_level', value: 0.5 }).ok).toBe(true);
    expect(validateParams('getAllParameters', undefined).ok).toBe(true);
    expect(validateParams('ping', {}).ok).toBe(true);
    expect(validateParams('requestResize', { width: 800, height: 600 }).ok).toBe(true);
    expect(validateParams('registerAudio', { client_id: 'c', sample_rate: 48000, buffer_size: 128 }).ok).toBe(true);
    expect(validateResult('getMeterFrame', { frame: null }).ok).toBe(true);
    expect(
      validateResult('getMeterFrame', { frame: { peak_l: 0.5, peak_r: 0.5, rms_l: 0.3, rms_r: 0.3, timestamp: 1 } }).ok,
    ).toBe(true);
    expect(validateResult('getAudioStatus', { status: { phase: 'runningFullDuplex', updated_at_ms: 1 } }).ok).toBe(
      true,
    );
    expect(validateResult('setParameter', {}).ok).toBe(true);
  });

  it.each([
    ['getParameter', {}, "/params must have required property 'id'"],
    ['setParameter', { id: 'input_trim_level' }, "must have required property 'value'"],
    ['setParameter', { value: 1 }, "must have required property 'id'"],
    ['setParameter', { id: 'input_trim_level', value: '-6' }, '/params/value must be number'],
    ['setParameter', { id: 'input_trim_level', value: 1, extra: true }, 'must NOT have additional properties (extra)'],
    ['requestResize', { width: 0, height: 10 }, '/params/width must be >= 1'],
    ['registerAudio', { client_id: 'c', sample_rate: -1, buffer_size: 128 }, '/params/sample_rate must be > 0'],
    ['ping', { unexpected: 1 }, '/params'],
  ])('%s rejects %j', (method, params, error) => {
    const result = validateParams(method, params);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toContain(error);
  });

  it('rejects results of the wrong shape', () => {
    expect(validateResult('getParameter', { id: 'x' }).errors.join()).toContain("must have required property 'value'");
    expect(validateResult('getAudioStatus', { status: { phase: 'running', updated_at_ms: 1 } }).ok).toBe(false);
  });

  it('checks oscilloscope frames: 1024 points per channel, the trigger mode, null before any', () => {
    const frame = {
      points_l: new Array(1024).fill(0.1),
      points_r: new Array(1024).fill(-0.1),
      sample_rate: 48000,
      timestamp: 0,
      no_signal: false,
      trigger_mode: 'risingZeroCrossing',
    };
    expect(validateResult('getOscilloscopeFrame', { frame }).ok).toBe(true);
    expect(validateResult('getOscilloscopeFrame', { frame: null }).ok).toBe(true);
    expect(validateResult('getOscilloscopeFrame', { frame: { ...frame, points_r: [] } }).ok).toBe(false);
    expect(validateResult('getOscilloscopeFrame', { frame: { ...frame, timestamp: -1 } }).ok).toBe(false);
    expect(validateParams('submitOscilloscopeFrame', { ...frame, extra: 1 }).errors.join()).toContain(
      'must NOT have additional properties',
    );
    expect(validateParams('getOscilloscopeFrame', undefined).ok).toBe(true);
  });

  it('takes every audio diagnostic code the one declaration lists, at both ends, and no other', () => {
    const status = (code: string) => ({ phase: 'failed', updated_at_ms: 1, diagnostic: { code, message: 'm' } });
    for (const code of AUDIO_DIAGNOSTIC_CODES) {
      expect(validateResult('getAudioStatus', { status: status(code) }).ok, code).toBe(true);
      expect(validateNotification('audioStatusChanged', status(code)).ok, code).toBe(true);
      expect(
        validateParams('registerAudio', {
          client_id: 'c',
          sample_rate: 48000,
          buffer_size: 128,
          phase: 'failed',
          diagnostic: { code, message: 'm' },
        }).ok,
        code,
      ).toBe(true);
    }
    expect(validateNotification('audioStatusChanged', status('micBroken')).ok).toBe(false);
  });

  it("takes the audio status's diagnostic only as Wavecraft's {code, message, hint?}", () => {
    const status = (diagnostic: unknown) => ({ status: { phase: 'failed', updated_at_ms: 1, diagnostic } });
    expect(
      validateResult('getAudioStatus', status({ code: 'inputPermissionDenied', message: 'denied', hint: 'allow it' }))
        .ok,
    ).toBe(true);
    expect(validateResult('getAudioStatus', status({ code: 'unknown', message: 'trap' })).ok).toBe(true);
    expect(validateResult('getAudioStatus', status('a plain string')).errors.join()).toContain(
      '/result/status/diagnostic must be object',
    );
    expect(validateResult('getAudioStatus', status({ code: 'micBroken', message: 'x' })).errors.join()).toContain(
      '/result/status/diagnostic/code must be equal to one of the allowed values',
    );
    expect(validateResult('getAudioStatus', status({ code: 'unknown' })).errors.join()).toContain(
      "must have required property 'message'",
    );
    expect(
      validateParams('registerAudio', {
        client_id: 'c',
        sample_rate: 48000,
        buffer_size: 128,
        phase: 'failed',
        diagnostic: 'x',
      }).ok,
    ).toBe(false);
  });

  it('names unknown methods', () => {
    expect(validateParams('nope', {}).errors).toEqual(['unknown method "nope"']);
  });
});

describe('notifications and server messages', () => {
  it('checks notification params', () => {
    expect(validateNotification('parameterChanged', { id: 'a', value: 1 }).ok).toBe(true);
    expect(
      validateNotification('meterUpdate', {
        timestamp_us: 0,
        left_peak: 1,
        left_rms: 1,
        right_peak: 1,
        right_rms: -1,
      }).errors.join(),
    ).toContain('/params/right_rms must be >= 0');
    expect(validateNotification('audioStatusChanged', { phase: 'disabled', updated_at_ms: 5 }).ok).toBe(true);
  });

  it('checks server envelopes', () => {
    expect(validateServerEnvelope({ jsonrpc: '2.0', id: 1, result: {} }).ok).toBe(true);
    expect(validateServerEnvelope({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'x' } }).ok).toBe(true);
    expect(validateServerEnvelope({ jsonrpc: '2.0', method: 'parameterChanged', params: {} }).ok).toBe(true);
    expect(validateServerEnvelope({ jsonrpc: '2.0', id: 1 }).ok).toBe(false);
    expect(validateServerEnvelope({ jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: '' } }).ok).toBe(
      false,
    );
  });
});

describe('parameter definitions', () => {
  it('accepts the reference DSP definitions', () => {
    const definitions = JSON.parse(
      readFileSync(new URL('../../devmode/dsp/reference/parameters.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(validateParameterDefinitions(definitions)).toEqual({ ok: true, errors: [] });
  });

  it('reports every problem with its pointer', () => {
    const result = validateParameterDefinitions([
      { id: 'a', name: 'A', type: 'float', default: 5, min: 0, max: 1 },
      { id: 'a', name: 'A2', type: 'bool', default: 0, min: 0, max: 2 },
      { id: 'e', name: 'E', type: 'enum', default: 0, min: 0, max: 3, variants: ['x', 'y'] },
    ]);
    expect(result.errors).toEqual([
      '/0/default 5 is outside [0, 1]',
      '/1/id duplicate parameter id "a"',
      '/1 a bool must have min 0 and max 1',
      '/2 an enum must have min 0 and max 1 (one per variant)',
    ]);
  });

  it('reports schema errors with JSON pointers', () => {
    const result = validateParameterDefinitions([{ id: '', name: 'X', type: 'int', default: 0, min: 0, max: 1 }]);
    expect(result.errors).toContain('/0/id must NOT have fewer than 1 characters');
    expect(result.errors.some((e) => e.startsWith('/0/type must be equal to one of the allowed values'))).toBe(true);
  });
});

describe('every schema', () => {
  // Validators compile on first use: this compiles each (both of its compilations, as a value
  // every schema refuses is explained), so a schema that ajv's strict mode refuses fails here.
  it('compiles in strict mode and refuses a bare number', () => {
    for (const method of METHOD_NAMES) {
      expect(validateParams(method, 42).ok, method).toBe(false);
      expect(validateResult(method, 42).ok, method).toBe(false);
    }
    for (const name of NOTIFICATION_NAMES) expect(validateNotification(name, 42).ok, name).toBe(false);
  });
});
