//! A small plugin DSP in Rust: tremolo (rate, depth; retriggered when either changes) → one-pole
//! tone filter (cutoff) → output volume (dB, 10 ms ramp), stereo. Its processors are written the
//! Wavecraft way (`processors.rs`: `Processor` and `ProcessorParams`), and one line makes the
//! signal chain a Wavecraft WASM DSP ABI v1 module for the harness, with the parameters named as
//! `wavecraft_plugin!` names them (`tremolo_rate`, …, and a `_bypass` for each processor).
//!
//! `--cfg regress` builds the same DSP with a deliberate 0.5 dB error in the output volume, which
//! the project's nightly must flag.

mod processors;

use processors::{Output, Tone, Tremolo};
use wavecraft_dsp::SignalChain;

wavecraft_wasm_dsp::export! { signal: SignalChain![Tremolo, Tone, Output], crate: wavecraft_dsp }
