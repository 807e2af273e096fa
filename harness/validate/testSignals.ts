/** The validator's input signals, stereo, generated at any sample rate (L and R differ where it matters). */
import { Random } from '../fixtures/random.ts';

export type Stereo = [Float32Array, Float32Array];

export type SignalName = 'silence' | 'tiny' | 'square' | 'impulse' | 'dc' | 'noise' | 'sweep' | 'burst-then-silence';

export const SIGNAL_DESCRIPTIONS: Record<SignalName, string> = {
  silence: 'digital silence',
  tiny: '±1e-30 alternating (subnormal bait)',
  square: 'full-scale 1 kHz square',
  impulse: 'a full-scale impulse at frame 0',
  dc: 'DC at full scale',
  noise: 'seeded white noise, full scale',
  sweep: '20 Hz to 20 kHz log sweep at -1 dBFS',
  'burst-then-silence': '50 ms of noise, then silence (a decaying tail)',
};

export const SIGNALS = Object.keys(SIGNAL_DESCRIPTIONS) as SignalName[];

export function makeSignal(name: SignalName, frames: number, sampleRate: number, seed = 1): Stereo {
  const l = new Float32Array(frames);
  const r = new Float32Array(frames);
  const random = new Random(seed);
  switch (name) {
    case 'silence':
      break;
    case 'tiny':
      for (let i = 0; i < frames; i++) l[i] = r[i] = i % 2 ? -1e-30 : 1e-30;
      break;
    case 'square':
      for (let i = 0; i < frames; i++) l[i] = r[i] = Math.floor((i * 2000) / sampleRate) % 2 ? -1 : 1;
      break;
    case 'impulse':
      l[0] = r[0] = 1;
      break;
    case 'dc':
      l.fill(1);
      r.fill(1);
      break;
    case 'noise':
      for (let i = 0; i < frames; i++) {
        l[i] = random.next() * 2 - 1;
        r[i] = random.next() * 2 - 1;
      }
      break;
    case 'sweep': {
      const f0 = 20;
      const f1 = Math.min(20000, sampleRate * 0.45);
      const seconds = frames / sampleRate;
      const k = Math.log(f1 / f0);
      for (let i = 0; i < frames; i++) {
        const t = i / sampleRate;
        const phase = ((2 * Math.PI * f0 * seconds) / k) * (Math.exp((t / seconds) * k) - 1);
        l[i] = r[i] = 0.891 * Math.sin(phase);
      }
      break;
    }
    case 'burst-then-silence': {
      const burst = Math.min(frames, Math.round(0.05 * sampleRate));
      for (let i = 0; i < burst; i++) {
        l[i] = random.next() * 2 - 1;
        r[i] = random.next() * 2 - 1;
      }
      break;
    }
  }
  return [l, r];
}

/** Seeded white noise at `amplitude`, L and R independent. */
export function noise(frames: number, seed: number, amplitude = 0.5): Stereo {
  const random = new Random(seed);
  const l = new Float32Array(frames);
  const r = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    l[i] = amplitude * (random.next() * 2 - 1);
    r[i] = amplitude * (random.next() * 2 - 1);
  }
  return [l, r];
}
