// The reference DSP: a small plugin chain behind the Wavecraft WASM DSP ABI v1
// (docs/wasm-dsp-abi.md), four processors under Wavecraft's processor ids, each with its own
// `<processor>_bypass`: input_trim (linear level) → soft_clip tanh(drive·x) → tone_filter (RBJ
// responses from a state-variable filter: low-pass, high-pass, band-pass) → output_gain (linear
// level), in f64, stereo. Levels ramp linearly over 10 ms exactly as the mock DSP's do.
import { SCHEMA_LENGTH, SCHEMA_POINTER } from './generated/schema';

// Parameter indices (the order of the schema array), count, and ranges: generated from ../parameters.json.
import {
  DEFAULT,
  INPUT_TRIM_BYPASS,
  INPUT_TRIM_LEVEL,
  MAX,
  MIN,
  OUTPUT_GAIN_BYPASS,
  OUTPUT_GAIN_LEVEL,
  PARAMETER_COUNT,
  SOFT_CLIP_BYPASS,
  SOFT_CLIP_DRIVE_DB,
  TONE_FILTER_BYPASS,
  TONE_FILTER_CUTOFF_HZ,
  TONE_FILTER_MODE,
  TONE_FILTER_RESONANCE_Q,
} from './generated/parameters';

/** Largest block wc_init accepts. */
const CAPACITY: i32 = 8192;
const GAIN_RAMP_SECONDS: f64 = 0.01;

const inputL = new StaticArray<f32>(CAPACITY);
const inputR = new StaticArray<f32>(CAPACITY);
const outputL = new StaticArray<f32>(CAPACITY);
const outputR = new StaticArray<f32>(CAPACITY);
const values = new StaticArray<f64>(PARAMETER_COUNT);

let sampleRate: f64 = 48000;
let maxFrames: i32 = 0;
let rampFrames: i32 = 480;

/** A linear ramp: frame k (1..N) of a ramp from g0 to g1 is g0 + (g1 − g0)·k/N. */
class Ramp {
  start: f64 = 1;
  target: f64 = 1;
  current: f64 = 1;
  position: i32 = 0;

  setTarget(target: f64): void {
    this.start = this.current;
    this.target = target;
    this.position = 0;
  }

  settle(): void {
    this.start = this.target;
    this.current = this.target;
    this.position = rampFrames;
  }

  next(): f64 {
    if (this.position < rampFrames) {
      this.position++;
      this.current =
        this.position == rampFrames
          ? this.target
          : this.start + (this.target - this.start) * (<f64>this.position / <f64>rampFrames);
    }
    return this.current;
  }
}

/**
 * The tone filter: a trapezoidal (TPT) state-variable filter, one state per channel. Its transfer
 * functions are the RBJ cookbook biquads' (both are the prewarped bilinear transform of the same
 * analog prototype), but its state stays bounded when the coefficients change every few frames,
 * where a direct-form biquad's can grow without bound.
 */
class StateVariableFilter {
  s1: f64 = 0;
  s2: f64 = 0;

  process(x: f64): f64 {
    const v3 = x - this.s2;
    const v1 = svfA1 * this.s1 + svfA2 * v3;
    const v2 = this.s2 + svfA2 * this.s1 + svfA3 * v3;
    this.s1 = 2.0 * v1 - this.s1;
    this.s2 = 2.0 * v2 - this.s2;
    return svfLow * v2 + svfBand * v1 + svfHigh * (x - svfK * v1 - v2);
  }

  clear(): void {
    this.s1 = 0;
    this.s2 = 0;
  }
}

const inputRamp = new Ramp();
const outputRamp = new Ramp();
const filterL = new StateVariableFilter();
const filterR = new StateVariableFilter();
let svfA1: f64 = 0;
let svfA2: f64 = 0;
let svfA3: f64 = 0;
let svfK: f64 = 1;
let svfLow: f64 = 1;
let svfBand: f64 = 0;
let svfHigh: f64 = 0;
let driveLinear: f64 = 1;

/** Denormal protection: an f64 below f32's smallest normal becomes 0, never a subnormal f32 output sample. */
const F32_MIN_NORMAL: f64 = 1.1754943508222875e-38;
function toSample(y: f64): f32 {
  return Math.abs(y) < F32_MIN_NORMAL ? 0 : <f32>y;
}

/**
 * tanh at half the cost of AssemblyScript's Math.tanh: for |x| ≥ 0.05 from one exp,
 * (1 − e^(−2|x|))/(1 + e^(−2|x|)); below, where that would cancel, its Taylor series to x⁹
 * (the next term is < 1e-15 relative there). Within a few f64 ulp of the exact value everywhere.
 */
// @ts-ignore: decorator
@inline
function tanh(x: f64): f64 {
  const a = Math.abs(x);
  if (a < 0.05) {
    const x2 = x * x;
    return x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 + x2 * (-17.0 / 315.0 + x2 * (62.0 / 2835.0)))));
  }
  const t = Math.exp(-2.0 * a);
  const y = (1.0 - t) / (1.0 + t);
  return x < 0 ? -y : y;
}

function dbToLinear(db: f64): f64 {
  return Math.pow(10.0, db / 20.0);
}

/**
 * Coefficients for tone_filter_mode: 0 low-pass, 1 high-pass, 2 band-pass (constant 0 dB peak), the
 * RBJ cookbook responses: g = tan(π·f0/fs), k = 1/Q, the output a mix of the low, band and high taps.
 */
function updateFilter(): void {
  const mode = <i32>values[TONE_FILTER_MODE];
  const f0 = Math.min(values[TONE_FILTER_CUTOFF_HZ], 0.49 * sampleRate);
  const g = Math.tan((Math.PI * f0) / sampleRate);
  svfK = 1.0 / values[TONE_FILTER_RESONANCE_Q];
  svfA1 = 1.0 / (1.0 + g * (g + svfK));
  svfA2 = g * svfA1;
  svfA3 = g * svfA2;
  svfLow = mode == 0 ? 1.0 : 0.0;
  svfHigh = mode == 1 ? 1.0 : 0.0;
  svfBand = mode == 2 ? svfK : 0.0;
}

function applyParameter(index: i32, value: f64, ramped: bool): void {
  values[index] = value;
  if (index == INPUT_TRIM_LEVEL) {
    inputRamp.setTarget(value);
    if (!ramped) inputRamp.settle();
  } else if (index == OUTPUT_GAIN_LEVEL) {
    outputRamp.setTarget(value);
    if (!ramped) outputRamp.settle();
  } else if (index == SOFT_CLIP_DRIVE_DB) {
    driveLinear = dbToLinear(value);
  } else if (index == TONE_FILTER_MODE || index == TONE_FILTER_CUTOFF_HZ || index == TONE_FILTER_RESONANCE_Q) {
    updateFilter();
  }
}

// Parameters start at their defaults, with no ramp.
for (let i: i32 = 0; i < PARAMETER_COUNT; i++) applyParameter(i, DEFAULT[i], false);

export function wc_abi_version(): i32 {
  return 1;
}

export function wc_schema_ptr(): i32 {
  return <i32>SCHEMA_POINTER;
}

export function wc_schema_len(): i32 {
  return SCHEMA_LENGTH;
}

/** Returns 0 on success, 1 for a max_frames outside 1..8192, 2 for a bad sample rate. */
export function wc_init(sample_rate: f32, max_frames: i32): i32 {
  if (max_frames < 1 || max_frames > CAPACITY) return 1;
  if (!(sample_rate >= 8000 && sample_rate <= 384000)) return 2;
  sampleRate = <f64>sample_rate;
  maxFrames = max_frames;
  rampFrames = max(1, <i32>Math.round(GAIN_RAMP_SECONDS * sampleRate));
  updateFilter();
  wc_reset();
  return 0;
}

export function wc_input_ptr(channel: i32): i32 {
  return channel == 0 ? <i32>changetype<usize>(inputL) : <i32>changetype<usize>(inputR);
}

export function wc_output_ptr(channel: i32): i32 {
  return channel == 0 ? <i32>changetype<usize>(outputL) : <i32>changetype<usize>(outputR);
}

export function wc_set_param(index: i32, value: f32): void {
  if (index < 0 || index >= PARAMETER_COUNT || isNaN(value)) return;
  applyParameter(index, Math.min(Math.max(<f64>value, MIN[index]), MAX[index]), true);
}

export function wc_get_param(index: i32): f32 {
  if (index < 0 || index >= PARAMETER_COUNT) return NaN;
  return <f32>values[index];
}

export function wc_process(frames: i32): void {
  if (frames < 1 || frames > maxFrames) unreachable();
  const trim = values[INPUT_TRIM_BYPASS] < 0.5;
  const saturate = values[SOFT_CLIP_BYPASS] < 0.5;
  const filter = values[TONE_FILTER_BYPASS] < 0.5;
  const gain = values[OUTPUT_GAIN_BYPASS] < 0.5;
  for (let i: i32 = 0; i < frames; i++) {
    // Both ramps advance while their processor is bypassed, so un-bypassing lands on the level.
    const gIn = inputRamp.next();
    const gOut = outputRamp.next();
    let l = <f64>unchecked(inputL[i]);
    let r = <f64>unchecked(inputR[i]);
    if (trim) {
      l *= gIn;
      r *= gIn;
    }
    if (saturate) {
      l = tanh(driveLinear * l);
      r = tanh(driveLinear * r);
    }
    if (filter) {
      l = filterL.process(l);
      r = filterR.process(r);
    }
    if (gain) {
      l *= gOut;
      r *= gOut;
    }
    unchecked((outputL[i] = toSample(l)));
    unchecked((outputR[i] = toSample(r)));
  }
}

export function wc_reset(): void {
  inputRamp.settle();
  outputRamp.settle();
  filterL.clear();
  filterR.clear();
}
