/**
 * The page's meters and oscilloscope on their way out: the worklet's meter windows go to the probe
 * and, folded per UI tick, to the meter display and the dev server (`meterUpdate`); oscilloscope
 * frames go to the display (drawn at the next tick) and to the dev server
 * (`submitOscilloscopeFrame`, for getOscilloscopeFrame) once the page is its audio client.
 */
import type { RpcClient } from '../../../contracts/ipc/rpcClient.ts';
import { MeterAggregator } from './meterAggregator.ts';
import type { ProbeRecorder } from './probe/probeRecorder.ts';
import type { MeterDisplay } from './ui/meterDisplay.ts';
import type { OscilloscopeDisplay } from './ui/oscilloscopeDisplay.ts';
import type { MeterWindow } from './worklet/meterWindows.ts';
import type { TapFrame } from './worklet/oscilloscopeTap.ts';

export class MeterRelay {
  private aggregator: MeterAggregator | null = null;
  private sampleRate: number | null = null;
  /** Whether meter windows have arrived: audio flows. */
  flowing = false;

  constructor(
    private readonly probe: ProbeRecorder,
    private readonly meters: MeterDisplay,
    private readonly scope: OscilloscopeDisplay,
  ) {}

  /** The engine started: its rate and meter window. */
  start(sampleRate: number, windowFrames: number): void {
    this.sampleRate = sampleRate;
    this.aggregator = new MeterAggregator(windowFrames);
  }

  /** The worklet's meter windows; true when they are the first (audio now flows). */
  onWindows(windows: readonly MeterWindow[]): boolean {
    for (const w of windows) {
      this.probe.recordWindow(w);
      this.aggregator?.add(w);
    }
    if (this.flowing) return false;
    this.flowing = true;
    return true;
  }

  /** A new oscilloscope frame: drawn at the next tick, and sent to `client` (the server this page registered with). */
  onScope(frame: TapFrame, client: RpcClient | null): void {
    this.scope.set(frame);
    if (!client || this.sampleRate === null) return;
    // Seven significant digits: float32 precision, a third of the JSON of full doubles.
    const points = (samples: Float32Array) => Array.from(samples, (x) => Number(x.toPrecision(7)));
    void client
      .call('submitOscilloscopeFrame', {
        points_l: points(frame.left),
        points_r: points(frame.right),
        sample_rate: this.sampleRate,
        timestamp: frame.frame,
        no_signal: frame.noSignal,
        trigger_mode: 'risingZeroCrossing',
      })
      .catch(() => undefined);
  }

  /** Every UI tick: draw the scope, show the meters and relay them to the dev server. */
  tick(client: RpcClient | null): void {
    this.scope.draw();
    const reading = this.aggregator?.take();
    if (!reading || this.sampleRate === null) return;
    this.meters.show(reading);
    client?.notify('meterUpdate', {
      timestamp_us: Math.round((reading.frame / this.sampleRate) * 1e6),
      left_peak: reading.outputPeak[0],
      left_rms: reading.outputRms[0],
      right_peak: reading.outputPeak[1],
      right_rms: reading.outputRms[1],
    });
  }
}
