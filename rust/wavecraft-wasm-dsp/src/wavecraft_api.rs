//! What a plugin's own source takes from its `wavecraft` crate (wavecraft-nih_plug and the
//! wavecraft-core under it), for a WASM build that has neither: those two do not build for wasm32.
//! A DSP-only crate that `wavecraft-harness init` writes beside a plugin's engine says
//!
//! ```ignore
//! extern crate self as wavecraft;
//! wavecraft_wasm_dsp::wavecraft_api!();
//! #[path = "../../engine/src/lib.rs"]
//! mod plugin;
//! ```
//!
//! and the engine's `lib.rs` and processor files compile there unchanged, against `wavecraft-dsp`
//! and `wavecraft-processors` (the wasm-clean crates) only: no proc-macro, no build script.
//! `wavecraft_processor!` takes the real one's syntax and declares the same type names;
//! `wavecraft_plugin!` takes its fields (`name`, `signal`, `crate`) and hands `signal` to `export!`,
//! so the parameter ids are the ones `wavecraft_plugin!` gives.

/// `10^(db/20)`, as `wavecraft::prelude::db_to_linear` (from wavecraft-protocol, not a dependency here).
pub fn db_to_linear(db: f32) -> f32 {
    10f32.powf(db / 20.0)
}

/// The names a plugin takes from `wavecraft::` and `wavecraft::prelude::`, declared at the root of the
/// crate that calls it (which says `extern crate self as wavecraft;`). Its crate must depend on
/// `wavecraft-dsp` and `wavecraft-processors` under those names.
#[macro_export]
macro_rules! wavecraft_api {
    () => {
        pub use ::wavecraft_dsp::{Bypassed, Chain, ParamRange, ParamSpec, Processor, ProcessorParams, SignalChain, Transport};
        pub use ::wavecraft_processors::{
            create_oscilloscope_channel, Oscillator, OscillatorParams, OscilloscopeFrameConsumer,
            OscilloscopeFrameProducer, OscilloscopeTap, OSCILLOSCOPE_FRAME_POINTS,
        };
        pub use $crate::{wavecraft_plugin, wavecraft_processor};

        /// `wavecraft::prelude`, less what needs nih-plug, wavecraft-protocol or wavecraft-metering.
        pub mod prelude {
            pub use ::wavecraft_dsp::{Chain, ParamRange, ParamSpec, Processor, ProcessorParams, SignalChain, Transport};
            pub use ::wavecraft_processors::{
                GainDsp, Oscillator, OscillatorParams, PassthroughDsp, SaturatorDsp, UnifiedFilterDsp, UnifiedFilterMode,
            };
            pub use $crate::{db_to_linear, wavecraft_plugin, wavecraft_processor};
        }
    };
}

/// `wavecraft_processor!(InputTrim => Gain)`: a named wrapper around a built-in processor (`Gain`,
/// `Passthrough`, `Filter`, `Saturator`) or any processor type, delegating `Processor` to it. The
/// wrapper's name gives its parameters' prefix (`input_trim_level`).
#[macro_export]
macro_rules! wavecraft_processor {
    ($name:ident => Gain) => {
        $crate::wavecraft_processor!($name => ::wavecraft_processors::GainDsp);
    };
    ($name:ident => Passthrough) => {
        $crate::wavecraft_processor!($name => ::wavecraft_processors::PassthroughDsp);
    };
    ($name:ident => Filter) => {
        $crate::wavecraft_processor!($name => ::wavecraft_processors::UnifiedFilterDsp);
    };
    ($name:ident => Saturator) => {
        $crate::wavecraft_processor!($name => ::wavecraft_processors::SaturatorDsp);
    };
    ($name:ident => $inner:path) => {
        #[derive(Default)]
        pub struct $name($inner);

        impl ::wavecraft_dsp::Processor for $name {
            type Params = <$inner as ::wavecraft_dsp::Processor>::Params;

            fn process(&mut self, buffer: &mut [&mut [f32]], transport: &::wavecraft_dsp::Transport, params: &Self::Params) {
                ::wavecraft_dsp::Processor::process(&mut self.0, buffer, transport, params)
            }

            fn set_sample_rate(&mut self, sample_rate: f32) {
                ::wavecraft_dsp::Processor::set_sample_rate(&mut self.0, sample_rate)
            }

            fn reset(&mut self) {
                ::wavecraft_dsp::Processor::reset(&mut self.0)
            }
        }
    };
}

/// `wavecraft_plugin! { name: "…", signal: SignalChain![…], crate: … }` with the real macro's
/// fields, in any order: the signal chain is exported as an ABI v1 module (`export!`); `name` and
/// `crate` are read and left (the crate's root is `wavecraft`, by `extern crate self as wavecraft`).
#[macro_export]
macro_rules! wavecraft_plugin {
    ($($field:tt)*) => {
        $crate::__wavecraft_plugin_fields! { [] $($field)* }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __wavecraft_plugin_fields {
    ([]) => {
        ::core::compile_error!("wavecraft_plugin!: missing required field `signal: SignalChain![...]`");
    };
    ([$($signal:tt)+]) => {
        $crate::export! { signal: $($signal)+, crate: wavecraft }
    };
    ([$($signal:tt)*] signal: SignalChain ! [ $($processor:ty),+ $(,)? ] $(, $($rest:tt)*)?) => {
        $crate::__wavecraft_plugin_fields! { [SignalChain![$($processor),+]] $($($rest)*)? }
    };
    ([$($signal:tt)*] signal: $other:ty $(, $($rest:tt)*)?) => {
        ::core::compile_error!("wavecraft_plugin!: signal must use the `SignalChain!` wrapper: signal: SignalChain![YourProcessor]");
    };
    ([$($signal:tt)*] crate: $k:path $(, $($rest:tt)*)?) => {
        $crate::__wavecraft_plugin_fields! { [$($signal)*] $($($rest)*)? }
    };
    ([$($signal:tt)*] $key:ident: $value:expr $(, $($rest:tt)*)?) => {
        $crate::__wavecraft_plugin_fields! { [$($signal)*] $($($rest)*)? }
    };
}
