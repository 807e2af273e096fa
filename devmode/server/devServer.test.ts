import { groupByProcessor } from '../../contracts/ipc/processors.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadParameterDefinitions } from '../dsp/reference/referenceDsp.ts';
import type { ParameterDefinition } from '../../contracts/ipc/parameters.ts';
import { ErrorCode } from '../../contracts/ipc/jsonRpc.ts';
import { RpcCallError } from '../../contracts/ipc/rpcClient.ts';
import { DevServerClient } from '../../harness/rpc/devServerClient.ts';
import { CloseCode, DevServer } from './devServer.ts';
import { RawSocket } from './testing/rawSocket.ts';

let server: DevServer;
let referenceParameterDefinitions: ParameterDefinition[];
let url: string;
let clients: { close(): void }[] = [];

async function client(): Promise<DevServerClient> {
  const c = await DevServerClient.connect(url);
  clients.push(c);
  return c;
}

async function raw(): Promise<RawSocket> {
  const s = await RawSocket.open(url);
  clients.push(s);
  return s;
}

beforeAll(async () => {
  referenceParameterDefinitions = await loadParameterDefinitions();
  server = new DevServer({ definitions: referenceParameterDefinitions, port: 0, maxPayloadBytes: 64 * 1024 });
  ({ url } = await server.listen());
});
afterAll(() => server.close());
beforeEach(() => server.parameters.reset());
afterEach(() => {
  clients.forEach((c) => c.close());
  clients = [];
});

describe('methods', () => {
  it('binds to loopback at the root path', () => {
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('getAllParameters lists every definition with its value', async () => {
    const { parameters } = await (await client()).call('getAllParameters');
    expect(parameters.map((p) => p.id)).toEqual(referenceParameterDefinitions.map((d) => d.id));
    expect(parameters.find((p) => p.id === 'input_trim_level')).toEqual({
      ...referenceParameterDefinitions[1],
      value: 1,
    });
  });

  it("getAllParameters groups as Wavecraft's UI groups: every parameter under one processor, each processor with its bypass", async () => {
    const { parameters } = await (await client()).call('getAllParameters');
    const { processors, ungrouped, ambiguous } = groupByProcessor(parameters);
    expect(processors.map((p) => p.id)).toEqual(['input_trim', 'soft_clip', 'tone_filter', 'output_gain']);
    expect(ungrouped).toEqual([]);
    expect(ambiguous).toEqual([]);
    for (const p of processors) expect(p.parameters[0]).toMatchObject({ id: `${p.id}_bypass`, type: 'bool' });
  });

  it('setParameter stores the value, getParameter reads it, and every client is told, the sender too (as Wavecraft)', async () => {
    const a = await client();
    const b = await client();
    const seen: unknown[] = [];
    b.on('parameterChanged', (p) => seen.push(p));
    const echoed: unknown[] = [];
    a.on('parameterChanged', (p) => echoed.push(p));
    await expect(a.call('setParameter', { id: 'input_trim_level', value: 0.65 })).resolves.toEqual({});
    await expect(b.call('getParameter', { id: 'input_trim_level' })).resolves.toEqual({
      id: 'input_trim_level',
      value: 0.65,
    });
    expect(seen).toEqual([{ id: 'input_trim_level', value: 0.65 }]);
    expect(echoed).toEqual([{ id: 'input_trim_level', value: 0.65 }]);
    expect(a.protocolErrors).toEqual([]);
  });

  it('getMeterFrame is null before any audio client (as Wavecraft: no meters until audio runs); synthetic only when asked for', async () => {
    expect((await (await client()).call('getMeterFrame')).frame).toBeNull();
    const synthetic = new DevServer({ definitions: referenceParameterDefinitions, port: 0, syntheticMeters: true });
    const { url: syntheticUrl } = await synthetic.listen();
    const c = await DevServerClient.connect(syntheticUrl);
    try {
      const { frame } = await c.call('getMeterFrame');
      expect(frame).not.toBeNull();
      expect(frame!.rms_l).toBeGreaterThan(10 ** (-25 / 20));
      expect(frame!.rms_l).toBeLessThan(10 ** (-11 / 20));
      expect(frame!.peak_l).toBeCloseTo(frame!.rms_l * Math.SQRT2, 9);
    } finally {
      c.close();
      await synthetic.close();
    }
  });

  it('when the audio client leaves, meters fall to zero (pushed and polled) and the oscilloscope shows a no_signal frame, not the last one', async () => {
    // A server of its own: the state a client leaves behind lasts.
    const own = new DevServer({ definitions: referenceParameterDefinitions, port: 0 });
    const { url: ownUrl } = await own.listen();
    const connect = async () => {
      const c = await DevServerClient.connect(ownUrl);
      clients.push(c);
      return c;
    };
    const audio = await connect();
    const viewer = await connect();
    await audio.call('registerAudio', { client_id: 'page', sample_rate: 44100, buffer_size: 128 });
    audio.notify('meterUpdate', {
      timestamp_us: 1000,
      left_peak: 0.5,
      left_rms: 0.35,
      right_peak: 0.25,
      right_rms: 0.17,
    });
    const frame = {
      points_l: Array.from({ length: 1024 }, (_, i) => Math.sin(i / 8)),
      points_r: new Array(1024).fill(0.1),
      sample_rate: 44100,
      timestamp: 96000,
      no_signal: false,
      trigger_mode: 'risingZeroCrossing' as const,
    };
    await audio.call('submitOscilloscopeFrame', frame);
    await expect.poll(async () => (await viewer.call('getMeterFrame')).frame?.peak_l).toBe(0.5);
    const pushed: unknown[] = [];
    viewer.on('meterUpdate', (u) => pushed.push(u));
    audio.close();
    await expect
      .poll(() => pushed)
      .toEqual([expect.objectContaining({ left_peak: 0, left_rms: 0, right_peak: 0, right_rms: 0 })]);
    expect((await viewer.call('getMeterFrame')).frame).toMatchObject({ peak_l: 0, peak_r: 0, rms_l: 0, rms_r: 0 });
    const { frame: scope } = await viewer.call('getOscilloscopeFrame');
    expect(scope).toMatchObject({ no_signal: true, sample_rate: 44100, trigger_mode: 'risingZeroCrossing' });
    expect(scope!.points_l.every((x) => x === 0) && scope!.points_r.every((x) => x === 0)).toBe(true);
    expect(scope!.points_l).toHaveLength(1024);
    expect(viewer.protocolErrors).toEqual([]);
    viewer.close();
    await own.close();
  });

  it('registerAudio makes the caller the audio client, whose meters are relayed and served', async () => {
    const audio = await client();
    const viewer = await client();
    const statuses: unknown[] = [];
    viewer.on('audioStatusChanged', (s) => statuses.push(s));
    // Wavecraft's dev server starts at disabled, and answers registerAudio with "registered".
    expect((await viewer.call('getAudioStatus')).status).toMatchObject({ phase: 'disabled' });
    expect(await audio.call('registerAudio', { client_id: 'page', sample_rate: 48000, buffer_size: 128 })).toEqual({
      status: 'registered',
    });
    const { status } = await viewer.call('getAudioStatus');
    expect(status).toMatchObject({ phase: 'runningFullDuplex', sample_rate: 48000, buffer_size: 128 });
    const update = { timestamp_us: 1000, left_peak: 0.5, left_rms: 0.35, right_peak: 0.25, right_rms: 0.17 };
    const relayed = new Promise((resolve) => viewer.on('meterUpdate', resolve));
    audio.notify('meterUpdate', update);
    expect(await relayed).toEqual(update);
    expect(await viewer.call('getMeterFrame')).toEqual({
      frame: { peak_l: 0.5, peak_r: 0.25, rms_l: 0.35, rms_r: 0.17, timestamp: 1000 },
    });
    expect(statuses).toEqual([status]);
  });

  it('getOscilloscopeFrame is null until the audio client submits a frame, then serves the latest, with no notification', async () => {
    const viewer = await client();
    const frame = {
      points_l: Array.from({ length: 1024 }, (_, i) => Math.sin(i / 8)),
      points_r: new Array(1024).fill(0),
      sample_rate: 48000,
      timestamp: 96000,
      no_signal: false,
      trigger_mode: 'risingZeroCrossing' as const,
    };
    // Only the registered audio client may submit.
    const intruder = await client();
    await expect(intruder.call('submitOscilloscopeFrame', frame)).rejects.toMatchObject({
      code: ErrorCode.InvalidRequest,
      message: expect.stringContaining('only the registered audio client'),
    });
    const audio = await client();
    await audio.call('registerAudio', { client_id: 'page', sample_rate: 48000, buffer_size: 128 });
    // A newly registered audio client has sent no frame yet (earlier tests' clients have left).
    expect(await viewer.call('getOscilloscopeFrame')).toEqual({ frame: null });
    const notifications: string[] = [];
    for (const name of ['parameterChanged', 'meterUpdate', 'audioStatusChanged'] as const)
      viewer.on(name, () => notifications.push(name));
    await expect(audio.call('submitOscilloscopeFrame', frame)).resolves.toEqual({});
    expect(await viewer.call('getOscilloscopeFrame')).toEqual({ frame });
    expect(notifications).toEqual([]);
    // Bad frames are refused by the schema, naming the field (sent raw: the typed client refuses to send them).
    const socket = await raw();
    const ask = async (method: string, params: unknown) =>
      (
        (await socket.request(JSON.stringify({ jsonrpc: '2.0', id: 7, method, params }))) as {
          error: { code: number; message: string };
        }
      ).error;
    expect(await ask('submitOscilloscopeFrame', { ...frame, points_l: frame.points_l.slice(1) })).toMatchObject({
      code: ErrorCode.InvalidParams,
      message: expect.stringContaining('/params/points_l must NOT have fewer than 1024 items'),
    });
    expect(await ask('submitOscilloscopeFrame', { ...frame, trigger_mode: 'free' })).toMatchObject({
      code: ErrorCode.InvalidParams,
      message: expect.stringContaining('/params/trigger_mode must be equal to constant'),
    });
    expect(
      await ask('submitOscilloscopeFrame', { ...frame, points_r: [...frame.points_r.slice(1), 'x'] }),
    ).toMatchObject({
      code: ErrorCode.InvalidParams,
      message: expect.stringContaining('/params/points_r/1023 must be number'),
    });
    expect(await ask('getOscilloscopeFrame', { x: 1 })).toMatchObject({ code: ErrorCode.InvalidParams });
    // The audio client leaving takes its frame with it: a no_signal frame of zeros follows.
    audio.close();
    await expect.poll(async () => (await viewer.call('getOscilloscopeFrame')).frame?.no_signal).toBe(true);
    expect(viewer.protocolErrors).toEqual([]);
  });

  it('a replaced build keeps the values of parameters that still exist (clamped), and every client gets parametersChanged', async () => {
    const a = await client();
    const b = await client();
    await a.call('setParameter', { id: 'input_trim_level', value: 1.8 });
    await a.call('setParameter', { id: 'soft_clip_drive_db', value: 6 });
    const told: string[] = [];
    a.on('parametersChanged', () => told.push('a'));
    b.on('parametersChanged', () => told.push('b'));
    const inputLevel = referenceParameterDefinitions.find((d) => d.id === 'input_trim_level')!;
    const kept = server.replaceDefinitions([
      { ...inputLevel, max: 1.5 },
      { id: 'mix', name: 'Mix', type: 'float', default: 0.5, min: 0, max: 1 },
    ]);
    expect(kept).toEqual(['input_trim_level']);
    await expect.poll(() => told.sort()).toEqual(['a', 'b']);
    expect((await b.call('getAllParameters')).parameters.map((p) => [p.id, p.value])).toEqual([
      ['input_trim_level', 1.5],
      ['mix', 0.5],
    ]);
    await expect(b.call('getParameter', { id: 'soft_clip_drive_db' })).rejects.toMatchObject({
      code: ErrorCode.ParameterNotFound,
    });
    expect(a.protocolErrors).toEqual([]);
    server.replaceDefinitions(referenceParameterDefinitions);
  });

  it('ignores meterUpdate from clients that are not the audio client', async () => {
    const audio = await client();
    await audio.call('registerAudio', { client_id: 'page', sample_rate: 48000, buffer_size: 128 });
    const intruder = await raw();
    intruder.send(
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'meterUpdate',
        params: { timestamp_us: 1, left_peak: 1, left_rms: 1, right_peak: 1, right_rms: 1 },
      }),
    );
    const viewer = await client();
    expect((await viewer.call('getMeterFrame')).frame).toBeNull();
  });

  it('the audio client leaving sets the status to disabled and tells the others', async () => {
    const audio = await client();
    await audio.call('registerAudio', { client_id: 'page', sample_rate: 44100, buffer_size: 256 });
    const viewer = await client();
    const changed = new Promise((resolve) => viewer.on('audioStatusChanged', resolve));
    audio.close();
    expect(await changed).toMatchObject({ phase: 'disabled' });
    expect((await viewer.call('getAudioStatus')).status?.phase).toBe('disabled');
  });

  it('getInputSource starts at hardwareInput; setInputSource selects one and tells every client, the sender too', async () => {
    const a = await client();
    const b = await client();
    const heard: string[] = [];
    a.on('inputSourceChanged', ({ selected }) => heard.push(`a:${selected}`));
    b.on('inputSourceChanged', ({ selected }) => heard.push(`b:${selected}`));
    await expect(b.call('getInputSource')).resolves.toEqual({
      selected: 'hardwareInput',
      available: [expect.objectContaining({ id: 'hardwareInput' }), expect.objectContaining({ id: 'testTone' })],
    });
    await expect(a.call('setInputSource', { selected: 'testTone' })).resolves.toEqual({});
    await expect.poll(() => heard.sort()).toEqual(['a:testTone', 'b:testTone']);
    await expect(b.call('getInputSource')).resolves.toMatchObject({ selected: 'testTone' });
    await a.call('setInputSource', { selected: 'hardwareInput' });
    await expect.poll(() => heard.length).toBe(4);
    expect(a.protocolErrors).toEqual([]);
    expect(b.protocolErrors).toEqual([]);
  });

  it('requestResize and ping answer', async () => {
    const c = await client();
    await expect(c.call('requestResize', { width: 800, height: 600 })).resolves.toEqual({ accepted: true });
    await expect(c.call('ping')).resolves.toEqual({});
  });
});

describe('error codes', () => {
  const error = (code: number, id: unknown = 1) =>
    expect.objectContaining({ jsonrpc: '2.0', id, error: expect.objectContaining({ code }) });

  it.each([
    ['invalid JSON', '{"jsonrpc": "2.0", ', ErrorCode.ParseError, null],
    ['a JSON array', '[]', ErrorCode.InvalidRequest, null],
    ['a JSON scalar', '17', ErrorCode.InvalidRequest, null],
    ['a missing jsonrpc', '{"id": 1, "method": "ping"}', ErrorCode.InvalidRequest, 1],
    ['a wrong jsonrpc', '{"jsonrpc": "1.0", "id": 1, "method": "ping"}', ErrorCode.InvalidRequest, 1],
    ['an id of the wrong type', '{"jsonrpc": "2.0", "id": [1], "method": "ping"}', ErrorCode.InvalidRequest, null],
    ['a method that is not a string', '{"jsonrpc": "2.0", "id": 1, "method": 5}', ErrorCode.InvalidRequest, 1],
    ['an unknown method', '{"jsonrpc": "2.0", "id": 1, "method": "explode"}', ErrorCode.MethodNotFound, 1],
    [
      'params of the wrong type',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": "x"}',
      ErrorCode.InvalidRequest,
      1,
    ],
    [
      'params of the wrong shape',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": 3, "value": 1}}',
      ErrorCode.InvalidParams,
      1,
    ],
    [
      'a missing id param',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"value": 1}}',
      ErrorCode.InvalidParams,
      1,
    ],
    [
      'a missing value',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "input_trim_level"}}',
      ErrorCode.InvalidParams,
      1,
    ],
    [
      'a string value',
      '{"jsonrpc": "2.0", "id": "s", "method": "setParameter", "params": {"id": "input_trim_level", "value": "-6"}}',
      ErrorCode.InvalidParams,
      's',
    ],
    [
      'an infinite value',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "input_trim_level", "value": 1e999}}',
      ErrorCode.ValueOutOfRange,
      1,
    ],
    [
      'a negative infinite value',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "input_trim_level", "value": -1e999}}',
      ErrorCode.ValueOutOfRange,
      1,
    ],
    [
      'NaN (not JSON)',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "input_trim_level", "value": NaN}}',
      ErrorCode.ParseError,
      null,
    ],
    [
      'a value above max',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "input_trim_level", "value": 2.001}}',
      ErrorCode.ValueOutOfRange,
      1,
    ],
    [
      'a value below min',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "output_gain_level", "value": -0.001}}',
      ErrorCode.ValueOutOfRange,
      1,
    ],
    [
      'a bool that is not 0 or 1',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "output_gain_bypass", "value": 0.5}}',
      ErrorCode.ValueOutOfRange,
      1,
    ],
    [
      'an unknown parameter (set)',
      '{"jsonrpc": "2.0", "id": 1, "method": "setParameter", "params": {"id": "nope", "value": 0}}',
      ErrorCode.ParameterNotFound,
      1,
    ],
    [
      'an unknown parameter (get)',
      '{"jsonrpc": "2.0", "id": 1, "method": "getParameter", "params": {"id": "nope"}}',
      ErrorCode.ParameterNotFound,
      1,
    ],
    [
      'an input source Wavecraft does not have',
      '{"jsonrpc": "2.0", "id": 1, "method": "setInputSource", "params": {"selected": "file"}}',
      ErrorCode.InvalidParams,
      1,
    ],
    [
      'setInputSource without a source',
      '{"jsonrpc": "2.0", "id": 1, "method": "setInputSource", "params": {}}',
      ErrorCode.InvalidParams,
      1,
    ],
  ])('%s', async (_what, text, code, id) => {
    const socket = await raw();
    expect(await socket.request(text)).toEqual(error(code, id));
    // Nothing changed, and the connection still serves.
    expect(server.parameters.all().map((p) => p.value)).toEqual(referenceParameterDefinitions.map((d) => d.default));
    expect(await socket.request('{"jsonrpc":"2.0","id":99,"method":"ping"}')).toEqual({
      jsonrpc: '2.0',
      id: 99,
      result: {},
    });
  });

  it('an internal error in a handler answers -32603 and names the method', async () => {
    const socket = await raw();
    const original = server.parameters.all;
    server.parameters.all = () => {
      throw new Error('boom');
    };
    try {
      expect(await socket.request('{"jsonrpc":"2.0","id":1,"method":"getAllParameters"}')).toEqual(
        error(ErrorCode.InternalError, 1),
      );
    } finally {
      server.parameters.all = original;
    }
  });

  it('the typed client surfaces error codes as RpcCallError', async () => {
    const c = await client();
    const failure = c.call('setParameter', { id: 'input_trim_level', value: 100 });
    await expect(failure).rejects.toBeInstanceOf(RpcCallError);
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.ValueOutOfRange, method: 'setParameter' });
  });

  it('notifications get no answer', async () => {
    const socket = await raw();
    socket.send('{"jsonrpc":"2.0","method":"ping"}');
    expect(await socket.request('{"jsonrpc":"2.0","id":2,"method":"ping"}')).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: {},
    });
    expect(socket.pending).toBe(0);
  });

  it('a binary frame closes the connection with 1003', async () => {
    const socket = await raw();
    socket.send(Buffer.from([1, 2, 3]));
    expect((await socket.closed).code).toBe(CloseCode.UnsupportedData);
  });

  it('a message over the size limit closes the connection with 1009', async () => {
    const socket = await raw();
    socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(70 * 1024) } }));
    expect((await socket.closed).code).toBe(CloseCode.MessageTooBig);
    // the server keeps serving others
    await expect((await client()).call('ping')).resolves.toEqual({});
  });
});

describe('RPC client', () => {
  it('times out a call that gets no answer, naming the method', async () => {
    const { WebSocketServer } = await import('ws');
    const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    const c = await DevServerClient.connect(`ws://127.0.0.1:${port}/`, { timeoutMs: 100 });
    await expect(c.call('ping')).rejects.toThrow('[rpc] timeout on calling "ping" after 100 ms');
    c.close();
    silent.close();
  });

  it('rejects pending calls when the connection closes', async () => {
    const { WebSocketServer } = await import('ws');
    const closer = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    closer.on('connection', (s) => s.on('message', () => s.close(1001, 'going away')));
    await new Promise((r) => closer.once('listening', r));
    const port = (closer.address() as { port: number }).port;
    const c = await DevServerClient.connect(`ws://127.0.0.1:${port}/`);
    await expect(c.call('ping')).rejects.toThrow(/"ping" aborted: connection closed \(code 1001, going away\)/);
    closer.close();
  });

  it('refuses to send a message that breaks the schema', async () => {
    const c = await client();
    // @ts-expect-error deliberately wrong params
    await expect(c.call('setParameter', { id: 'input_trim_level' })).rejects.toThrow(
      /refusing to send an invalid "setParameter" message/,
    );
  });
});
