/**
 * Which connection is the audio client, its status, and its latest meter and oscilloscope frames.
 * Only the registered audio client's meters count; everyone else's are ignored.
 */
import type { AudioDiagnostic, AudioPhase, AudioStatus, MeterFrame, MeterUpdate, OscilloscopeFrame } from '../../contracts/ipc/messages.ts';

export class AudioClientState<Connection> {
  private client: Connection | null = null;
  /** Wavecraft's dev server starts at `disabled`, before any audio client. */
  private status: AudioStatus;
  private latest: MeterFrame | null = null;
  private scope: OscilloscopeFrame | null = null;

  constructor(private readonly now: () => number) {
    this.status = { phase: 'disabled', updated_at_ms: now() };
  }

  get current(): AudioStatus {
    return this.status;
  }

  get latestFrame(): MeterFrame | null {
    return this.latest;
  }

  /** The audio client's latest oscilloscope frame; null until it sends one, and after it leaves. */
  get latestOscilloscopeFrame(): OscilloscopeFrame | null {
    return this.scope;
  }

  /** Stores an oscilloscope frame when it comes from the audio client; returns whether it did. */
  acceptOscilloscopeFrame(connection: Connection, frame: OscilloscopeFrame): boolean {
    if (this.client !== connection) return false;
    this.scope = frame;
    return true;
  }

  get hasClient(): boolean {
    return this.client !== null;
  }

  isAudioClient(connection: Connection): boolean {
    return this.client === connection;
  }

  register(
    connection: Connection,
    info: { sample_rate: number; buffer_size: number; phase?: AudioPhase; diagnostic?: AudioDiagnostic },
  ): AudioStatus {
    this.client = connection;
    this.latest = null;
    this.scope = null;
    this.status = {
      phase: info.phase ?? 'runningFullDuplex',
      sample_rate: info.sample_rate,
      buffer_size: info.buffer_size,
      updated_at_ms: this.now(),
      ...(info.diagnostic === undefined ? {} : { diagnostic: info.diagnostic }),
    };
    return this.status;
  }

  /** Stores a meter update when it comes from the audio client; returns whether it did. */
  acceptMeters(connection: Connection, update: MeterUpdate): boolean {
    if (this.client !== connection) return false;
    this.latest = {
      peak_l: update.left_peak,
      peak_r: update.right_peak,
      rms_l: update.left_rms,
      rms_r: update.right_rms,
      timestamp: update.timestamp_us,
    };
    return true;
  }

  /**
   * A rebuilt DSP was refused and the previous one keeps running: the status becomes `degraded`
   * with the diagnostic (or `disabled`, with it, when no audio client is attached). Returns it.
   */
  degrade(diagnostic: AudioDiagnostic): AudioStatus {
    const base = this.client ? this.status : { phase: 'disabled' as const, updated_at_ms: 0 };
    this.status = { ...base, phase: this.client ? 'degraded' : 'disabled', diagnostic, updated_at_ms: this.now() };
    return this.status;
  }

  /** A good build arrived after a refused one: back to running, without the diagnostic. Null if nothing changed. */
  recover(): AudioStatus | null {
    if (this.status.phase !== 'degraded') return null;
    const { diagnostic: _gone, ...rest } = this.status;
    void _gone;
    this.status = { ...rest, phase: 'runningFullDuplex', updated_at_ms: this.now() };
    return this.status;
  }

  /** Forgets the audio client when `connection` was it; returns the new status, or null if unchanged. */
  disconnect(connection: Connection): AudioStatus | null {
    if (this.client !== connection) return null;
    this.client = null;
    this.latest = null;
    this.scope = null;
    this.status = { phase: 'disabled', updated_at_ms: this.now() };
    return this.status;
  }
}
