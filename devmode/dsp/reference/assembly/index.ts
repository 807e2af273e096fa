// The reference DSP: a small plugin chain behind the Wavecraft WASM DSP ABI v1
// (docs/wasm-dsp-abi.md). Input gain → saturator tanh(drive·x) → RBJ biquad → output gain,
// in f64, stereo. Gains ramp linearly over 10 ms exactly as the mock DSP's do.
import { SCHEMA_LENGTH, SCHEMA_POINTER } from './generated/schema';

// Parameter indices (the order of the schema array), count, and ranges: generated from ../parameters.json.
import {
  BYPASS,
  DEFAULT,
  DRIVE,
  FILTER_CUTOFF,
  FILTER_MODE,
  FILTER_Q,
  INPUT_GAIN,
  MAX,
  MIN,
  OUTPUT_GAIN,
  PARAMETER_COUNT,
  SATURATOR_ENABLED,
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

/** RBJ biquad, direct form I, one state per channel. */
class Biquad {
  x1: f64 = 0;
  x2: f64 = 0;
  y1: f64 = 0;
  y2: f64 = 0;

  process(x: f64): f64 {
    const y = b0 * x + b1 * this.x1 + b2 * this.x2 - a1 * this.y1 - a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }

  clear(): void {
    this.x1 = 0;
    this.x2 = 0;
    this.y1 = 0;
    this.y2 = 0;
  }
}

const inputRamp = new Ramp();
const outputRamp = new Ramp();
const filterL = new Biquad();
const filterR = new Biquad();
let b0: f64 = 1;
let b1: f64 = 0;
let b2: f64 = 0;
let a1: f64 = 0;
let a2: f64 = 0;
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

function updateFilter(): void {
  const mode = <i32>values[FILTER_MODE];
  if (mode == 0) return;
  const f0 = Math.min(values[FILTER_CUTOFF], 0.49 * sampleRate);
  const w0 = (2.0 * Math.PI * f0) / sampleRate;
  const cosw = Math.cos(w0);
  const alpha = Math.sin(w0) / (2.0 * values[FILTER_Q]);
  const a0 = 1.0 + alpha;
  if (mode == 1) {
    b0 = (1.0 - cosw) / 2.0 / a0;
    b1 = (1.0 - cosw) / a0;
    b2 = b0;
  } else {
    b0 = (1.0 + cosw) / 2.0 / a0;
    b1 = -(1.0 + cosw) / a0;
    b2 = b0;
  }
  a1 = (-2.0 * cosw) / a0;
  a2 = (1.0 - alpha) / a0;
}

function applyParameter(index: i32, value: f64, ramped: bool): void {
  values[index] = value;
  if (index == INPUT_GAIN) {
    inputRamp.setTarget(dbToLinear(value));
    if (!ramped) inputRamp.settle();
  } else if (index == OUTPUT_GAIN) {
    outputRamp.setTarget(dbToLinear(value));
    if (!ramped) outputRamp.settle();
  } else if (index == DRIVE) {
    driveLinear = dbToLinear(value);
  } else if (index == FILTER_MODE || index == FILTER_CUTOFF || index == FILTER_Q) {
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
  const bypassed = values[BYPASS] >= 0.5;
  const saturate = values[SATURATOR_ENABLED] >= 0.5;
  const filter = <i32>values[FILTER_MODE] != 0;
  for (let i: i32 = 0; i < frames; i++) {
    const gIn = inputRamp.next();
    const gOut = outputRamp.next();
    const xl = <f64>unchecked(inputL[i]);
    const xr = <f64>unchecked(inputR[i]);
    if (bypassed) {
      unchecked((outputL[i] = <f32>xl));
      unchecked((outputR[i] = <f32>xr));
      continue;
    }
    let l = xl * gIn;
    let r = xr * gIn;
    if (saturate) {
      l = tanh(driveLinear * l);
      r = tanh(driveLinear * r);
    }
    if (filter) {
      l = filterL.process(l);
      r = filterR.process(r);
    }
    unchecked((outputL[i] = toSample(l * gOut)));
    unchecked((outputR[i] = toSample(r * gOut)));
  }
}

export function wc_reset(): void {
  inputRamp.settle();
  outputRamp.settle();
  filterL.clear();
  filterR.clear();
}
