/**
 * The dev-mode page: wires the dev server link, the audio engine, the sources, the parameter
 * controls and the probe together. Parameters come from the dev server; meters and oscilloscope
 * frames go back to it while audio runs (meterRelay.ts); the probe's raw captures go through
 * audio/captureRequests.ts; a rebuilt DSP is swapped in on hot reload.
 */
import type { ParameterInfo } from '../../../contracts/ipc/parameters.ts';
import type { RpcClient } from '../../../contracts/ipc/rpcClient.ts';
import type { AudioDiagnostic, InputSourceKind } from '../../../contracts/ipc/messages.ts';
import { sourceFailure } from './audio/audioDiagnostic.ts';
import { AudioEngine } from './audio/audioEngine.ts';
import { CaptureRequests } from './audio/captureRequests.ts';
import { loadWasmDspForPage } from './audio/loadWasmDspForPage.ts';
import {
  createFileSource,
  createMicSource,
  createToneSource,
  type ActiveSource,
  type SourceKind,
} from './audio/audioSources.ts';
import type { PageConfig } from './config.ts';
import { DevServerLink } from './devServerLink.ts';
import { MeterRelay } from './meterRelay.ts';
import type { ProbeRecorder } from './probe/probeRecorder.ts';
import { MeterDisplay } from './ui/meterDisplay.ts';
import { OscilloscopeDisplay } from './ui/oscilloscopeDisplay.ts';
import type { TapFrame } from './worklet/oscilloscopeTap.ts';
import { ParameterControls } from './ui/parameterControls.ts';
import { SourceSelector, type SourceChoice } from './ui/sourceSelector.ts';
import type { MeterWindow } from './worklet/meterWindows.ts';

const METER_UPDATE_INTERVAL_MS = 1000 / 60;

/** The page's sources in Wavecraft's terms; its file input has no Wavecraft counterpart. */
const WAVECRAFT_SOURCE: Partial<Record<SourceKind, InputSourceKind>> = { mic: 'hardwareInput', tone: 'testTone' };
const PAGE_SOURCE: Record<InputSourceKind, SourceKind> = { hardwareInput: 'mic', testTone: 'tone' };

export class DevModeApp {
  private readonly link: DevServerLink;
  private readonly controls: ParameterControls;
  private readonly relay: MeterRelay;
  private readonly sources: SourceSelector;
  private engine: AudioEngine | null = null;
  private engineStarting: Promise<AudioEngine> | null = null;
  private parameters = new Map<string, ParameterInfo>();
  private parametersLoaded = false;
  /** The connection on which this page is the registered audio client, if any. */
  private registeredOn: RpcClient | null = null;
  private seq = 0;
  private readonly receivedAt = new Map<number, number>();
  private readonly clientId = `devmode-page-${Math.random().toString(36).slice(2, 10)}`;
  private blockFrames = 128;
  private sourceRequest = 0;
  /** The source playing now. */
  private playing: SourceKind = 'none';
  /** setInputSource calls of this page not yet answered: their own inputSourceChanged echo is no command. */
  private readonly sourceReports: InputSourceKind[] = [];
  private dspGeneration = 0;
  private readonly captures = new CaptureRequests();

  constructor(
    private readonly config: PageConfig,
    private readonly probe: ProbeRecorder,
    private readonly ui: {
      source: HTMLElement;
      meters: HTMLElement;
      scope: HTMLElement;
      parameters: HTMLElement;
      connection: HTMLElement;
      dspPath: HTMLElement;
      error: HTMLElement;
    },
  ) {
    probe.update({ dspPath: config.dsp, source: 'none' });
    ui.dspPath.textContent = `DSP: ${config.dsp}`;
    ui.dspPath.dataset['dsp'] = config.dsp;
    this.controls = new ParameterControls(ui.parameters, (id, value) => void this.userSetParameter(id, value));
    this.relay = new MeterRelay(probe, new MeterDisplay(ui.meters), new OscilloscopeDisplay(ui.scope));
    this.sources = new SourceSelector(ui.source, (choice) => void this.selectSource(choice));
    this.link = new DevServerLink({
      url: config.devServerUrl,
      onConnected: (client) => void this.onConnected(client),
      onDisconnected: (reason) => this.onDisconnected(reason),
    });
  }

  start(): void {
    this.link.start();
    setInterval(() => this.relay.tick(this.link.current), METER_UPDATE_INTERVAL_MS);
    if (this.config.source !== 'none') {
      this.sources.set(this.config.source);
      void this.selectSource(this.sources.choice());
    }
  }

  private async onConnected(client: RpcClient): Promise<void> {
    this.setConnected(true);
    client.on('parametersChanged', () => void this.onParametersChanged(client));
    client.on('inputSourceChanged', ({ selected }) => this.onInputSourceChanged(selected));
    client.on('parameterChanged', ({ id, value }) => {
      const p = this.parameters.get(id);
      if (p) p.value = value;
      this.controls.show(id, value, p?.unit);
      this.applyToDsp(id, value);
    });
    try {
      const { parameters } = await client.call('getAllParameters');
      this.parameters = new Map(parameters.map((p) => [p.id, p]));
      this.controls.render(parameters);
      // After a (re)connect the server's values are the truth: re-apply every one.
      for (const p of parameters) this.applyToDsp(p.id, p.value);
      this.parametersLoaded = true;
      this.updateReady();
      if (this.engine) await this.registerAudio(client, this.engine);
      void this.reportSource(client, this.playing);
    } catch (error) {
      this.fail(`could not load parameters from the dev server: ${String(error)}`);
    }
  }

  private onDisconnected(reason: string): void {
    this.registeredOn = null;
    this.updateReady();
    this.setConnected(false);
    this.ui.connection.title = reason;
  }

  private setConnected(connected: boolean): void {
    this.ui.connection.textContent = connected ? 'connected' : 'disconnected';
    this.ui.connection.dataset['connected'] = String(connected);
    this.probe.update({ connected });
  }

  private async userSetParameter(id: string, value: number): Promise<void> {
    const client = this.link.current;
    if (!client) return;
    try {
      await client.call('setParameter', { id, value });
      const p = this.parameters.get(id);
      if (p) p.value = value;
      this.controls.show(id, value, p?.unit);
      this.applyToDsp(id, value);
    } catch (error) {
      this.fail(`setParameter "${id}" failed: ${String(error)}`);
    }
  }

  private applyToDsp(id: string, value: number): void {
    if (!this.engine) return; // the engine starts with the current values
    const seq = ++this.seq;
    this.receivedAt.set(seq, Date.now());
    this.engine.send({ type: 'param', id, value, seq });
  }

  /**
   * Another client (Wavecraft's UI, say) selected an input source: play it. The echo of this
   * page's own report is not a command (it may arrive after a newer local choice).
   */
  private onInputSourceChanged(selected: InputSourceKind): void {
    if (this.sourceReports.includes(selected)) return;
    const kind = PAGE_SOURCE[selected];
    if (kind === this.playing) return;
    this.sources.set(kind);
    void this.selectSource(this.sources.choice(), false);
  }

  /** Tells the dev server which source plays, in Wavecraft's terms; a server without setInputSource is no failure. */
  private async reportSource(client: RpcClient | null, kind: SourceKind): Promise<void> {
    const selected = WAVECRAFT_SOURCE[kind];
    if (!client || !selected) return;
    this.sourceReports.push(selected);
    try {
      await client.call('setInputSource', { selected });
    } catch {
      // -32601 from a dev server that predates it: nothing to tell.
    } finally {
      this.sourceReports.splice(this.sourceReports.indexOf(selected), 1);
    }
  }

  private async selectSource(choice: SourceChoice, report = true): Promise<void> {
    const request = ++this.sourceRequest;
    try {
      const engine = await this.ensureEngine();
      let source: ActiveSource | null = null;
      if (choice.kind === 'tone') source = createToneSource(engine.context, choice.tone);
      else if (choice.kind === 'mic') source = await createMicSource(engine.context);
      else if (choice.kind === 'file' && choice.file) source = await createFileSource(engine.context, choice.file);
      if (request !== this.sourceRequest) {
        source?.stop(); // a newer choice won
        return;
      }
      engine.setSource(source);
      this.playing = source ? choice.kind : 'none';
      this.probe.update({ source: this.playing, captureSampleRate: source?.captureSampleRate ?? null });
      if (report) await this.reportSource(this.link.current, this.playing);
    } catch (error) {
      await this.audioFailed(sourceFailure(choice.kind, error));
    }
  }

  /** Audio stopped for good: show why, and report status `failed` to the dev server with Wavecraft's diagnostic. */
  private async audioFailed(diagnostic: AudioDiagnostic): Promise<void> {
    this.fail(diagnostic.message, diagnostic);
    const client = this.link.current;
    if (!client) return;
    this.registeredOn = client;
    await client
      .call('registerAudio', {
        client_id: this.clientId,
        sample_rate: this.engine?.context.sampleRate ?? this.config.sampleRate,
        buffer_size: this.blockFrames,
        phase: 'failed',
        diagnostic,
      })
      .catch(() => undefined);
  }

  private ensureEngine(): Promise<AudioEngine> {
    this.engineStarting ??= AudioEngine.create(
      {
        sampleRate: this.config.sampleRate,
        latencyHint: this.config.latencyHint,
        dsp: this.config.dsp,
        wasmUrl: this.config.wasmUrl,
        windowMs: this.config.windowMs,
        initialParameters: Object.fromEntries([...this.parameters.values()].map((p) => [p.id, p.value])),
        ...(this.config.fault ? { fault: this.config.fault } : {}),
      },
      {
        onWindows: (windows) => this.onWindows(windows),
        onParamApplied: (change) => {
          const receivedAtEpochMs = this.receivedAt.get(change.seq) ?? change.appliedAtEpochMs;
          this.receivedAt.delete(change.seq);
          this.probe.recordParamEvent({ ...change, receivedAtEpochMs });
        },
        onFirstBlock: ({ blockFrames }) => {
          this.blockFrames = blockFrames;
          this.probe.update({ blockFrames });
        },
        onError: (diagnostic) => void this.audioFailed(diagnostic),
        onScope: (frame) => this.onScope(frame),
        onSwapped: ({ generation, frame }) =>
          this.probe.update({ dspGeneration: generation, dspSwappedAtFrame: frame }),
        onSwapFailed: ({ message }) => this.fail(message),
        onCaptured: (capture) => this.captures.deliver(capture),
      },
    ).then(async (engine) => {
      this.engine = engine;
      this.probe.setCaptureHandler((fromFrame, frames) => this.captures.request(engine, fromFrame, frames));
      this.probe.setUnderrunSource(() => engine.underruns());
      this.relay.start(engine.context.sampleRate, engine.windowFrames);
      this.probe.update({ sampleRate: engine.context.sampleRate, windowFrames: engine.windowFrames });
      // Values may have arrived while the engine was starting.
      if (this.parametersLoaded) for (const p of this.parameters.values()) this.applyToDsp(p.id, p.value);
      const client = this.link.current;
      if (client) await this.registerAudio(client, engine);
      return engine;
    });
    return this.engineStarting;
  }

  private async registerAudio(client: RpcClient, engine: AudioEngine): Promise<void> {
    if (this.registeredOn === client) return;
    this.registeredOn = client;
    try {
      await client.call('registerAudio', {
        client_id: this.clientId,
        sample_rate: engine.context.sampleRate,
        buffer_size: this.blockFrames,
      });
    } catch (error) {
      this.registeredOn = null;
      throw error;
    }
    this.updateReady();
  }

  private onWindows(windows: MeterWindow[]): void {
    if (this.relay.onWindows(windows)) this.updateReady();
  }

  /**
   * Hot reload: the dev server took a rebuilt DSP. Read the new parameter list, and on the WASM
   * path load the new build and hand it to the worklet, which swaps it in at its next block with
   * the server's values — no page reload, no audio restart.
   */
  private async onParametersChanged(client: RpcClient): Promise<void> {
    try {
      const { parameters } = await client.call('getAllParameters');
      this.parameters = new Map(parameters.map((p) => [p.id, p]));
      this.controls.render(parameters);
      const engine = this.engine;
      if (this.config.dsp !== 'wasm' || !engine) {
        for (const p of parameters) this.applyToDsp(p.id, p.value);
        return;
      }
      const wasm = await loadWasmDspForPage(this.config.wasmUrl, engine.context.sampleRate);
      engine.send({
        type: 'swap',
        generation: ++this.dspGeneration,
        wasm,
        parameters: Object.fromEntries(parameters.map((p) => [p.id, p.value])),
      });
    } catch (error) {
      this.fail(
        `the rebuilt DSP could not be loaded; the previous build keeps running: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A new oscilloscope frame: to the display, and to the dev server once this page is its audio client. */
  private onScope(frame: TapFrame): void {
    const client = this.link.current;
    this.relay.onScope(frame, client && this.registeredOn === client ? client : null);
  }

  /** Ready: audio flows, the server's parameters are applied, and the server relays our meters. */
  private updateReady(): void {
    const registered = this.registeredOn !== null && this.registeredOn === this.link.current;
    this.probe.update({ ready: this.relay.flowing && this.parametersLoaded && registered });
  }

  private fail(message: string, diagnostic: AudioDiagnostic | null = null): void {
    console.error(`[wavecraft] ${message}`);
    this.ui.error.hidden = false;
    this.ui.error.textContent = message;
    this.probe.update({ error: message, diagnostic });
  }
}
