/** The validator's input signals, stereo, at any sample rate, made from the one signal library (harness/signals/). */
import { Random } from '../signals/random.ts';
import { logSweep, square, stereoNoise, type Stereo } from '../signals/signals.ts';

export type { Stereo };

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
  const both = (x: Float32Array): Stereo => [x, x.slice()];
  switch (name) {
    case 'silence':
      return both(new Float32Array(frames));
    case 'tiny':
      return both(Float32Array.from({ length: frames }, (_, i) => (i % 2 ? -1e-30 : 1e-30)));
    case 'square':
      return both(square(frames, sampleRate, 1000));
    case 'impulse': {
      const x = new Float32Array(frames);
      x[0] = 1;
      return both(x);
    }
    case 'dc':
      return both(new Float32Array(frames).fill(1));
    case 'noise':
      return stereoNoise(frames, new Random(seed));
    case 'sweep':
      return both(logSweep(frames, sampleRate, 20, Math.min(20000, sampleRate * 0.45), 20 * Math.log10(0.891)));
    case 'burst-then-silence': {
      const [l, r] = stereoNoise(Math.min(frames, Math.round(0.05 * sampleRate)), new Random(seed));
      const out: Stereo = [new Float32Array(frames), new Float32Array(frames)];
      out[0].set(l);
      out[1].set(r);
      return out;
    }
  }
}

/** Seeded white noise at `amplitude`, L and R independent. */
export const noise = (frames: number, seed: number, amplitude = 0.5): Stereo =>
  stereoNoise(frames, new Random(seed), amplitude);
