/**
 * Runs the dev-mode DSP worklet in an OfflineAudioContext. Changes land exactly: the context
 * suspends at the change's quantum, the change goes to the worklet, the worklet acknowledges it,
 * and only then does rendering resume — so the next block is processed with the new values.
 */
import workletUrl from '../worklet/dspProcessor.ts?worker&url';
import { loadWasmDspForPage } from '../audio/loadWasmDspForPage.ts';
import { float32ToBase64 } from '../float32Base64.ts';
import type { MeterWindow } from '../worklet/meterWindows.ts';
import {
  PASS_THROUGH_PROCESSOR_NAME,
  type FromWorklet,
  type ProcessorOptions,
  type ToWorklet,
} from '../worklet/portMessages.ts';
import { createDspNode } from '../audio/createDspNode.ts';
import { FAULT_IDS, isFaultId, type FaultId } from '../../../../contracts/faults/faultCatalogue.ts';
import type { OfflineRenderRequest, OfflineRenderResult } from '../../../../contracts/probe/offlineApi.ts';

function checkedFault(fault: string): FaultId {
  if (!isFaultId(fault)) throw new Error(`unknown fault "${fault}"; the catalogue has ${FAULT_IDS.join(', ')}`);
  return fault;
}

async function inputNode(context: OfflineAudioContext, request: OfflineRenderRequest): Promise<AudioNode> {
  const input = request.input;
  if (input.kind === 'tone') {
    const oscillator = new OscillatorNode(context, { frequency: input.frequencyHz });
    const gain = new GainNode(context, { gain: 10 ** (input.levelDb / 20) });
    oscillator.connect(gain);
    oscillator.start(0);
    return gain;
  }
  if (input.kind === 'samples') {
    const channels = input.channelsBase64.map((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return new Float32Array(bytes.buffer);
    });
    const buffer = new AudioBuffer({
      numberOfChannels: channels.length,
      length: channels[0]!.length,
      sampleRate: context.sampleRate,
    });
    channels.forEach((c, i) => buffer.copyToChannel(c, i));
    const source = new AudioBufferSourceNode(context, { buffer });
    source.start(0);
    return source;
  }
  const response = await fetch(input.url);
  if (!response.ok) throw new Error(`offline input ${input.url}: HTTP ${response.status}`);
  const buffer = await context.decodeAudioData(await response.arrayBuffer());
  const source = new AudioBufferSourceNode(context, { buffer, loop: true });
  source.start(0, (input.startFrame ?? 0) / buffer.sampleRate);
  return source;
}

/** The benchmarks' baselines: the same input straight to the destination, or through a copying worklet. */
async function renderBaseline(
  request: OfflineRenderRequest,
  graph: 'bare' | 'passThrough',
): Promise<OfflineRenderResult> {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: request.frames,
    sampleRate: request.sampleRate,
  });
  const source = await inputNode(context, request);
  if (graph === 'bare') source.connect(context.destination);
  else {
    await context.audioWorklet.addModule(workletUrl);
    const copy = new AudioWorkletNode(context, PASS_THROUGH_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [2],
    });
    source.connect(copy).connect(context.destination);
  }
  const started = performance.now();
  const rendered = await context.startRendering();
  const renderMs = performance.now() - started;
  return {
    sampleRate: request.sampleRate,
    channelsBase64:
      request.returnAudio === false
        ? ['', '']
        : [float32ToBase64(rendered.getChannelData(0)), float32ToBase64(rendered.getChannelData(1))],
    windows: [],
    appliedFrames: [],
    blockFrames: 128,
    renderMs,
  };
}

/**
 * Suspends the render at each event's quantum and sends its values there (merged per quantum: a
 * context can suspend only once per time), resuming once the worklet acknowledged them.
 */
function scheduleEvents(
  context: OfflineAudioContext,
  request: OfflineRenderRequest,
  send: (message: ToWorklet) => void,
  acknowledged: () => Promise<void>,
): void {
  const byQuantum = new Map<number, Record<string, number>>();
  for (const event of request.events) {
    // suspend() needs a quantum boundary; 128 is every current browser's quantum, and the
    // harness checks the frames the worklet reports against the ones it asked for.
    const at = Math.floor(event.frame / 128) * 128;
    byQuantum.set(at, { ...byQuantum.get(at), ...event.values });
  }
  let seq = 0;
  for (const [at, values] of [...byQuantum.entries()].sort((a, b) => a[0] - b[0])) {
    void context.suspend(at / request.sampleRate).then(async () => {
      for (const [id, value] of Object.entries(values)) send({ type: 'param', id, value, seq: ++seq });
      await acknowledged();
      await context.resume();
    });
  }
}

export async function renderOffline(request: OfflineRenderRequest): Promise<OfflineRenderResult> {
  const graph = request.graph ?? 'dsp';
  if (graph !== 'dsp') return renderBaseline(request, graph);
  const wasm =
    request.dsp === 'wasm' ? await loadWasmDspForPage(request.wasmUrl ?? './dsp.wasm', request.sampleRate) : undefined;
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: request.frames,
    sampleRate: request.sampleRate,
  });
  await context.audioWorklet.addModule(workletUrl);
  const processorOptions: ProcessorOptions = {
    dsp: request.dsp,
    ...(wasm ? { wasm } : {}),
    windowFrames: Math.round(((request.windowMs ?? 10) / 1000) * request.sampleRate),
    initialParameters: request.initialParameters,
    windowBatch: 256,
    ...(request.fault ? { fault: checkedFault(request.fault) } : {}),
  };
  const node = createDspNode(context, processorOptions);
  const windows: MeterWindow[] = [];
  const appliedFrames: number[] = [];
  let blockFrames = 128;
  let error: string | null = null;
  const acks = new Map<number, () => void>();
  node.port.onmessage = (event: MessageEvent<FromWorklet>) => {
    const m = event.data;
    if (m.type === 'windows') windows.push(...m.windows);
    else if (m.type === 'paramApplied') appliedFrames.push(m.frame);
    else if (m.type === 'firstBlock') blockFrames = m.blockFrames;
    else if (m.type === 'error') error = m.message;
    else if (m.type === 'ack') acks.get(m.seq)?.();
  };
  (await inputNode(context, request)).connect(node).connect(context.destination);

  const send = (message: ToWorklet) => node.port.postMessage(message);
  let ping = 0;
  const acknowledged = (): Promise<void> => {
    const token = ++ping;
    const acked = new Promise<void>((resolve) => acks.set(token, resolve));
    send({ type: 'ping', seq: token });
    return acked.then(() => void acks.delete(token));
  };
  scheduleEvents(context, request, send, acknowledged);
  const renderStarted = performance.now();
  const rendered = await context.startRendering();
  const renderMs = performance.now() - renderStarted;
  // Rendering outruns the port: the worklet's last messages (applied changes, meter windows) may
  // still be queued. An acknowledged ping flushes them, as the port keeps order.
  // A hang detector, not a deadline: a loaded machine answers late, a hung worklet never.
  const flushed = await Promise.race([
    acknowledged().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
  ]);
  if (!flushed)
    throw new Error('the worklet did not answer for 20 s after rendering (it hung); its last messages may be lost');
  if (error) throw new Error(error);
  return {
    sampleRate: request.sampleRate,
    channelsBase64:
      request.returnAudio === false
        ? ['', '']
        : [float32ToBase64(rendered.getChannelData(0)), float32ToBase64(rendered.getChannelData(1))],
    windows,
    appliedFrames,
    blockFrames,
    renderMs,
  };
}
