/**
 * Generators, found by what they do. A gate is a bool parameter that, switched one way, makes the
 * DSP sound from silence and, switched the other, leaves it silent (Wavecraft's
 * `oscillator_enabled`). The tail checks do not judge a set that switches a generator on that is
 * off by default: it is meant to sound. A tail that holds steady and periodic is described as a
 * generator's, with the way out (`--generator`, or the gate).
 */
import { peakOf, freshInstance, renderBlocks } from './render.ts';
import type { DspUnderTest } from './dspUnderTest.ts';
import { makeSignal, type Stereo } from './testSignals.ts';
import type { ParameterSet } from './render.ts';

export interface GeneratorGate {
  id: string;
  index: number;
  /** The value that switches the generator on, and the one that silences it. */
  on: number;
  off: number;
  onByDefault: boolean;
}

const SOUNDING = 1e-4; // -80 dBFS
const SILENT = 1e-6; // -120 dBFS

/** The bool parameters that switch a generator, tried at `sampleRate` on 0.3 s of silence from defaults. */
export function findGeneratorGates(subject: DspUnderTest, sampleRate: number): GeneratorGate[] {
  const frames = Math.round(0.3 * sampleRate);
  const silence = makeSignal('silence', frames, sampleRate);
  const tailPeak = (params: ParameterSet) => {
    const instance = freshInstance(subject, sampleRate, params);
    if (!instance) return NaN;
    return peakOf(
      renderBlocks(instance, silence, () => 128),
      Math.round(0.2 * sampleRate),
    ).value;
  };
  const defaults = Object.fromEntries(subject.definitions.map((d) => [d.id, d.default]));
  const gates: GeneratorGate[] = [];
  subject.definitions.forEach((d, index) => {
    if (d.type !== 'bool') return;
    subject.where = `generator gates, ${sampleRate} Hz, ${d.id}`;
    const at0 = tailPeak({ ...defaults, [d.id]: 0 });
    const at1 = tailPeak({ ...defaults, [d.id]: 1 });
    const on = at1 > SOUNDING && at0 < SILENT ? 1 : at0 > SOUNDING && at1 < SILENT ? 0 : null;
    if (on !== null) gates.push({ id: d.id, index, on, off: 1 - on, onByDefault: d.default === on });
  });
  return gates;
}

/** The gates `params` switches on that are off by default: such a set is meant to sound. */
export const gatesSwitchedOn = (gates: readonly GeneratorGate[], params: ParameterSet) =>
  gates.filter((g) => !g.onByDefault && params[g.id] === g.on);

export interface SteadyTone {
  hz: number;
  peak: number;
}

/**
 * Whether the window [from, from + window) of `out` holds steady (peak within 1 dB of the window
 * before) and periodic (autocorrelation ≥ 0.9 at the period its zero crossings give): a tone, not a
 * dying tail.
 */
export function steadyTone(out: Stereo, from: number, window: number, sampleRate: number): SteadyTone | null {
  const peak = peakOf(out, from, from + window);
  const now = peak.value;
  const before = peakOf(out, from - window, from).value;
  if (!(now > SILENT) || Math.abs(20 * Math.log10(now / before)) > 1) return null;
  const ch = peak.channel === 'L' ? out[0] : out[1];
  const x = ch.subarray(from, from + window);
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  let crossings = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1]! - mean < 0 !== x[i]! - mean < 0) crossings++;
  if (crossings < 2) return null;
  const hz = (crossings / 2) * (sampleRate / x.length);
  const lag = Math.round(sampleRate / hz);
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i + lag < x.length; i++) {
    const a = x[i]! - mean;
    const b = x[i + lag]! - mean;
    xy += a * b;
    xx += a * a;
    yy += b * b;
  }
  const correlation = xy / Math.sqrt(xx * yy);
  return correlation >= 0.9 ? { hz, peak: now } : null;
}

/** "; it is a steady periodic signal (≈ 440 Hz): a generator? …" for a failed tail. */
export function generatorHint(tone: SteadyTone | null, gates: readonly GeneratorGate[]): string {
  if (!tone) return '';
  const gate = gates.find((g) => g.onByDefault);
  const way = gate
    ? `${gate.id} = ${gate.off} silences it, and it is ${gate.on} by default`
    : 'no bool parameter silences it';
  return `; the output in silence is a steady periodic signal (≈ ${tone.hz.toPrecision(3)} Hz): a generator? If the DSP is meant to make sound, run with --generator; ${way}`;
}
