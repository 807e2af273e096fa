/**
 * A DSP backend with one injected fault from the catalogue (contracts/faults/faultCatalogue.ts),
 * wrapped around the real one (mock or WASM). Parameter values given before the first block are
 * the starting state and pass through untouched; faults act on what happens after.
 */
import type { FaultId } from '../../../contracts/faults/faultCatalogue.ts';
import type { DspBackend } from '../../../contracts/wasm/dspBackend.ts';

const DC = 0.001;
const CLICK = 0.25;
const TAIL_START = 1e-36;

export class FaultyDsp implements DspBackend {
  readonly kind: DspBackend['kind'];
  private started = false;
  private frozen: string | null = null;
  private clickPending = false;
  private readonly last = [0, 0];
  private tail = 0;
  private readonly gain: number;

  constructor(
    private readonly inner: DspBackend,
    readonly fault: FaultId,
  ) {
    this.kind = inner.kind;
    this.gain = fault === 'gain+0.2' ? 10 ** (0.2 / 20) : fault === 'gain-0.2' ? 10 ** (-0.2 / 20) : 1;
  }

  setParameter(id: string, value: number): void {
    if (this.started) {
      if (this.fault === 'ack-not-applied') return;
      if (this.fault === 'frozen-param') {
        this.frozen ??= id;
        if (id === this.frozen) return;
      }
      if (this.fault === 'click-on-change') this.clickPending = true;
    }
    this.inner.setParameter(id, value);
    if (this.started && this.fault === 'no-ramp') this.inner.reset();
  }

  getParameter(id: string): number {
    return this.inner.getParameter(id);
  }

  reset(): void {
    this.inner.reset();
  }

  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void {
    this.started = true;
    this.inner.process(inL, inR, outL, outR, frames);
    switch (this.fault) {
      case 'gain+0.2':
      case 'gain-0.2':
        for (let i = 0; i < frames; i++) {
          outL[i] = outL[i]! * this.gain;
          outR[i] = outR[i]! * this.gain;
        }
        break;
      case 'swap-lr':
        for (let i = 0; i < frames; i++) {
          const l = outL[i]!;
          outL[i] = outR[i]!;
          outR[i] = l;
        }
        break;
      case 'delay-1':
        for (const [ch, out] of [outL, outR].entries()) {
          const carry = out[frames - 1]!;
          for (let i = frames - 1; i > 0; i--) out[i] = out[i - 1]!;
          out[0] = this.last[ch]!;
          this.last[ch] = carry;
        }
        break;
      case 'click-on-change':
        if (this.clickPending && frames > 0) {
          outL[0] = outL[0]! + CLICK;
          outR[0] = outR[0]! + CLICK;
          this.clickPending = false;
        }
        break;
      case 'dc-offset':
        for (let i = 0; i < frames; i++) {
          outL[i] = outL[i]! + DC;
          outR[i] = outR[i]! + DC;
        }
        break;
      case 'denormal-tail': {
        let silent = true;
        for (let i = 0; i < frames && silent; i++) silent = inL[i] === 0 && inR[i] === 0;
        if (!silent) break;
        if (this.tail < 1e-44) this.tail = TAIL_START;
        for (let i = 0; i < frames; i++) {
          outL[i] = outL[i]! + this.tail;
          outR[i] = outR[i]! + this.tail;
          this.tail *= 0.5;
        }
        break;
      }
      default:
        break;
    }
  }
}
