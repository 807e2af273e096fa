//! The plugin's processors, written the way Wavecraft's are: parameters declared once, in
//! `param_specs()`, applied in that order by `apply_plain_values`.

use std::f32::consts::PI;
use wavecraft_dsp::{ParamRange, ParamSpec, Processor, ProcessorParams, Transport};

/// A level LFO: gain 1 − depth·(1 − cos 2πφ)/2. Its phase restarts when the rate or depth changes.
#[derive(Default)]
pub struct Tremolo {
    sample_rate: f32,
    phase: f32,
    seen: Option<(f32, f32)>,
}

#[derive(Clone)]
pub struct TremoloParams {
    pub rate: f32,
    pub depth: f32,
}

impl Default for TremoloParams {
    fn default() -> Self {
        Self { rate: 4.0, depth: 0.0 }
    }
}

impl ProcessorParams for TremoloParams {
    fn param_specs() -> &'static [ParamSpec] {
        static SPECS: [ParamSpec; 2] = [
            ParamSpec { name: "Tremolo Rate", id_suffix: "rate", range: ParamRange::Linear { min: 0.5, max: 20.0 }, default: 4.0, unit: "Hz", group: Some("Tremolo") },
            ParamSpec { name: "Tremolo Depth", id_suffix: "depth", range: ParamRange::Linear { min: 0.0, max: 1.0 }, default: 0.0, unit: "", group: Some("Tremolo") },
        ];
        &SPECS
    }

    fn apply_plain_values(&mut self, values: &[f32]) {
        if let [rate, depth, ..] = values {
            self.rate = *rate;
            self.depth = *depth;
        }
    }
}

impl Processor for Tremolo {
    type Params = TremoloParams;

    fn process(&mut self, buffer: &mut [&mut [f32]], _transport: &Transport, params: &Self::Params) {
        if self.seen != Some((params.rate, params.depth)) {
            self.seen = Some((params.rate, params.depth));
            self.phase = 0.0;
        }
        let step = params.rate / self.sample_rate.max(1.0);
        let start = self.phase;
        for channel in buffer.iter_mut() {
            self.phase = start;
            for x in channel.iter_mut() {
                *x *= 1.0 - params.depth * 0.5 * (1.0 - (2.0 * PI * self.phase).cos());
                self.phase += step;
                if self.phase >= 1.0 {
                    self.phase -= 1.0;
                }
            }
        }
    }

    fn set_sample_rate(&mut self, sample_rate: f32) {
        self.sample_rate = sample_rate;
    }

    fn reset(&mut self) {
        self.phase = 0.0;
    }
}

/// A one-pole low-pass: y += a (x − y), a = 1 − exp(−2π fc / fs).
#[derive(Default)]
pub struct Tone {
    sample_rate: f32,
    memory: [f32; 2],
}

#[derive(Clone)]
pub struct ToneParams {
    pub cutoff: f32,
}

impl Default for ToneParams {
    fn default() -> Self {
        Self { cutoff: 20000.0 }
    }
}

impl ProcessorParams for ToneParams {
    fn param_specs() -> &'static [ParamSpec] {
        static SPECS: [ParamSpec; 1] = [ParamSpec { name: "Tone", id_suffix: "cutoff", range: ParamRange::Skewed { min: 200.0, max: 20000.0, factor: 2.5 }, default: 20000.0, unit: "Hz", group: Some("Tone") }];
        &SPECS
    }

    fn apply_plain_values(&mut self, values: &[f32]) {
        if let Some(cutoff) = values.first() {
            self.cutoff = *cutoff;
        }
    }
}

impl Processor for Tone {
    type Params = ToneParams;

    fn process(&mut self, buffer: &mut [&mut [f32]], _transport: &Transport, params: &Self::Params) {
        let a = 1.0 - (-2.0 * PI * params.cutoff / self.sample_rate.max(1.0)).exp();
        for (channel, y) in buffer.iter_mut().zip(self.memory.iter_mut()) {
            for x in channel.iter_mut() {
                *y += a * (*x - *y);
                // Denormal protection: a decaying filter state would otherwise pass through subnormals.
                if y.abs() < 1e-30 {
                    *y = 0.0;
                }
                *x = *y;
            }
        }
    }

    fn set_sample_rate(&mut self, sample_rate: f32) {
        self.sample_rate = sample_rate;
    }

    fn reset(&mut self) {
        self.memory = [0.0; 2];
    }
}

/// The deliberate regression of the `regress` build: the volume law is off by this much.
#[cfg(regress)]
const VOLUME_ERROR_DB: f32 = 0.5;
#[cfg(not(regress))]
const VOLUME_ERROR_DB: f32 = 0.0;

/// The output volume in dB; a change ramps linearly over 10 ms.
#[derive(Default)]
pub struct Output {
    sample_rate: f32,
    gain: f32,
    target: Option<f32>,
    step: f32,
    left: u32,
}

#[derive(Clone, Default)]
pub struct OutputParams {
    pub volume: f32,
}

impl ProcessorParams for OutputParams {
    fn param_specs() -> &'static [ParamSpec] {
        static SPECS: [ParamSpec; 1] = [ParamSpec { name: "Volume", id_suffix: "volume", range: ParamRange::Linear { min: -60.0, max: 6.0 }, default: 0.0, unit: "dB", group: Some("Output") }];
        &SPECS
    }

    fn apply_plain_values(&mut self, values: &[f32]) {
        if let Some(volume) = values.first() {
            self.volume = *volume;
        }
    }
}

impl Processor for Output {
    type Params = OutputParams;

    fn process(&mut self, buffer: &mut [&mut [f32]], _transport: &Transport, params: &Self::Params) {
        let wanted = 10f32.powf((params.volume + VOLUME_ERROR_DB) / 20.0);
        match self.target {
            // After a reset (or at the start) the volume is where the parameter is: no ramp.
            None => self.gain = wanted,
            Some(target) if target != wanted => {
                self.left = ((0.010 * self.sample_rate).round() as u32).max(1);
                self.step = (wanted - self.gain) / self.left as f32;
            }
            _ => {}
        }
        self.target = Some(wanted);
        let (start, left) = (self.gain, self.left);
        for channel in buffer.iter_mut() {
            self.gain = start;
            self.left = left;
            for x in channel.iter_mut() {
                if self.left > 0 {
                    self.left -= 1;
                    self.gain = if self.left == 0 { wanted } else { self.gain + self.step };
                }
                *x *= self.gain;
            }
        }
    }

    fn set_sample_rate(&mut self, sample_rate: f32) {
        self.sample_rate = sample_rate;
    }

    fn reset(&mut self) {
        self.target = None;
        self.left = 0;
    }
}
