/**
 * Which connection is the audio client, its status, and its latest meter and oscilloscope frames.
 * Only the registered audio client's meters count; everyone else's are ignored.
 */
import type {
  AudioDiagnostic,
  AudioPhase,
  AudioStatus,
  MeterFrame,
  MeterUpdate,
  OscilloscopeFrame,
} from '../../contracts/ipc/messages.ts';
import { OSCILLOSCOPE_POINTS } from '../../contracts/meters/oscilloscopeFrame.ts';

/** The meters a UI gets once the audio client has left. */
export const SILENT_METERS = { peak_l: 0, peak_r: 0, rms_l: 0, rms_r: 0 } as const;

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

  /**
   * The audio client's latest oscilloscope frame; null until it sends one; a `no_signal` frame of zeros after it
   * leaves.
   */
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

  /**
   * Forgets the audio client when `connection` was it; returns the new status, or null if
   * unchanged. What a UI polls then goes quiet rather than freezing on the last frame: zero meters
   * and a `no_signal` oscilloscope frame of zeros (at the rate the client ran at).
   */
  disconnect(connection: Connection): AudioStatus | null {
    if (this.client !== connection) return null;
    this.client = null;
    const timestamp = Math.round(this.now() * 1000);
    this.latest = { ...SILENT_METERS, timestamp };
    this.scope = {
      points_l: new Array(OSCILLOSCOPE_POINTS).fill(0),
      points_r: new Array(OSCILLOSCOPE_POINTS).fill(0),
      sample_rate: this.status.sample_rate ?? this.scope?.sample_rate ?? 48000,
      timestamp: this.scope?.timestamp ?? 0,
      no_signal: true,
      trigger_mode: 'risingZeroCrossing',
    };
    this.status = { phase: 'disabled', updated_at_ms: this.now() };
    return this.status;
  }

  /** Whether an audio client was attached once and has left (its frames are then the silent ones). */
  get clientLeft(): boolean {
    return this.client === null && this.latest !== null;
  }
}
