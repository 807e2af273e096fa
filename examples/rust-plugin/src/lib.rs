//! A small plugin DSP in Rust, built for the Wavecraft WASM DSP ABI v1 (docs/wasm-dsp-abi.md):
//! tremolo (rate, depth) -> one-pole tone filter -> output volume, stereo.
//!
//! Standard library only; built by Debian's rustc for wasm32-unknown-unknown (build.sh).
//! `--cfg regress` builds the same DSP with a deliberate 0.5 dB error in the output volume,
//! which the project's nightly must flag.
//!
//! Buffers and state are statics, so linear memory never grows after `wc_init`.

use std::f32::consts::PI;

const MAX_FRAMES: usize = 4096;

/// The parameter schema: the only place the parameters are declared.
static SCHEMA: &str = r#"[
{"id":"tremolo_rate","name":"Tremolo Rate","type":"float","default":4,"min":0.5,"max":20,"unit":"Hz","group":"Tremolo"},
{"id":"tremolo_depth","name":"Tremolo Depth","type":"float","default":0,"min":0,"max":1,"group":"Tremolo"},
{"id":"tone_cutoff","name":"Tone","type":"float","default":20000,"min":200,"max":20000,"unit":"Hz","group":"Tone"},
{"id":"output_volume","name":"Volume","type":"float","default":0,"min":-60,"max":6,"unit":"dB","group":"Output"}
]"#;

const RATE: usize = 0;
const DEPTH: usize = 1;
const CUTOFF: usize = 2;
const VOLUME: usize = 3;
const PARAMS: usize = 4;
const DEFAULTS: [f32; PARAMS] = [4.0, 0.0, 20000.0, 0.0];
const MINS: [f32; PARAMS] = [0.5, 0.0, 200.0, -60.0];
const MAXS: [f32; PARAMS] = [20.0, 1.0, 20000.0, 6.0];

/// The deliberate regression of the `regress` build: the volume law is off by this much.
#[cfg(regress)]
const VOLUME_ERROR_DB: f32 = 0.5;
#[cfg(not(regress))]
const VOLUME_ERROR_DB: f32 = 0.0;

/// Volume changes ramp linearly over 10 ms.
const RAMP_SECONDS: f32 = 0.010;

struct State {
    sample_rate: f32,
    max_frames: usize,
    params: [f32; PARAMS],
    /// LFO phase in cycles, [0, 1). Restarts when the rate or depth changes (retrigger).
    phase: f32,
    /// One-pole filter memory per channel.
    tone: [f32; 2],
    gain: f32,
    gain_target: f32,
    gain_step: f32,
    ramp_left: u32,
}

static mut INPUT: [[f32; MAX_FRAMES]; 2] = [[0.0; MAX_FRAMES]; 2];
static mut OUTPUT: [[f32; MAX_FRAMES]; 2] = [[0.0; MAX_FRAMES]; 2];
static mut STATE: State = State {
    sample_rate: 48000.0,
    max_frames: 0,
    params: DEFAULTS,
    phase: 0.0,
    tone: [0.0; 2],
    gain: 1.0,
    gain_target: 1.0,
    gain_step: 0.0,
    ramp_left: 0,
};

fn volume_gain(db: f32) -> f32 {
    10f32.powf((db + VOLUME_ERROR_DB) / 20.0)
}

#[no_mangle]
pub extern "C" fn wc_abi_version() -> i32 {
    1
}

#[no_mangle]
pub extern "C" fn wc_schema_ptr() -> i32 {
    SCHEMA.as_ptr() as i32
}

#[no_mangle]
pub extern "C" fn wc_schema_len() -> i32 {
    SCHEMA.len() as i32
}

#[no_mangle]
pub extern "C" fn wc_init(sample_rate: f32, max_frames: i32) -> i32 {
    if !(sample_rate >= 8000.0 && sample_rate <= 384000.0) || max_frames < 1 || max_frames as usize > MAX_FRAMES {
        return 1;
    }
    let s = unsafe { &mut STATE };
    s.sample_rate = sample_rate;
    s.max_frames = max_frames as usize;
    s.gain = volume_gain(s.params[VOLUME]);
    s.gain_target = s.gain;
    s.ramp_left = 0;
    wc_reset();
    0
}

#[no_mangle]
pub extern "C" fn wc_input_ptr(channel: i32) -> i32 {
    unsafe { INPUT[(channel & 1) as usize].as_ptr() as i32 }
}

#[no_mangle]
pub extern "C" fn wc_output_ptr(channel: i32) -> i32 {
    unsafe { OUTPUT[(channel & 1) as usize].as_ptr() as i32 }
}

#[no_mangle]
pub extern "C" fn wc_set_param(index: i32, value: f32) {
    if index < 0 || index as usize >= PARAMS || !value.is_finite() {
        return;
    }
    let i = index as usize;
    let value = value.max(MINS[i]).min(MAXS[i]);
    let s = unsafe { &mut STATE };
    if s.params[i] == value {
        return;
    }
    s.params[i] = value;
    match i {
        RATE | DEPTH => s.phase = 0.0,
        VOLUME => {
            s.gain_target = volume_gain(value);
            let n = ((RAMP_SECONDS * s.sample_rate).round() as u32).max(1);
            s.gain_step = (s.gain_target - s.gain) / n as f32;
            s.ramp_left = n;
        }
        _ => {}
    }
}

#[no_mangle]
pub extern "C" fn wc_get_param(index: i32) -> f32 {
    if index < 0 || index as usize >= PARAMS {
        return f32::NAN;
    }
    unsafe { STATE.params[index as usize] }
}

#[no_mangle]
pub extern "C" fn wc_process(frames: i32) {
    let s = unsafe { &mut STATE };
    let frames = (frames.max(0) as usize).min(s.max_frames);
    let (input, output) = unsafe { (&INPUT, &mut OUTPUT) };
    let depth = s.params[DEPTH];
    let phase_step = s.params[RATE] / s.sample_rate;
    // One-pole lowpass: y += a (x - y), a = 1 - exp(-2 pi fc / fs).
    let a = 1.0 - (-2.0 * PI * s.params[CUTOFF] / s.sample_rate).exp();
    for i in 0..frames {
        let tremolo = 1.0 - depth * 0.5 * (1.0 - (2.0 * PI * s.phase).cos());
        s.phase += phase_step;
        if s.phase >= 1.0 {
            s.phase -= 1.0;
        }
        if s.ramp_left > 0 {
            s.ramp_left -= 1;
            s.gain = if s.ramp_left == 0 { s.gain_target } else { s.gain + s.gain_step };
        }
        for ch in 0..2 {
            let mut y = s.tone[ch] + a * (input[ch][i] * tremolo - s.tone[ch]);
            // Denormal protection: a decaying filter state would otherwise pass through
            // subnormal values (slow on some CPUs, and flagged by the validator).
            if y.abs() < 1e-30 {
                y = 0.0;
            }
            s.tone[ch] = y;
            output[ch][i] = y * s.gain;
        }
    }
}

#[no_mangle]
pub extern "C" fn wc_reset() {
    let s = unsafe { &mut STATE };
    s.phase = 0.0;
    s.tone = [0.0; 2];
    s.gain = s.gain_target;
    s.ramp_left = 0;
}
