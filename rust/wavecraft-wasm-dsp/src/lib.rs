//! A Wavecraft plugin's DSP as a WebAssembly module of the Wavecraft WASM DSP ABI v1
//! (docs/wasm-dsp-abi.md in wavecraft-audio-harness), in one line in the plugin's engine crate:
//!
//! ```ignore
//! wavecraft_wasm_dsp::export! { signal: SignalChain![InputTrim, ToneFilter, SoftClip, OutputGain] }
//! ```
//!
//! with the signal chain the plugin gives `wavecraft_plugin!`. `cargo build --release --target
//! wasm32-unknown-unknown` then gives a module that `wavecraft-harness init | record | test |
//! nightly | validate` take. The parameters are named as `wavecraft_plugin!` names them: each
//! processor's prefix is its type's name in snake case (a second `Gain` is `gain_2`), each
//! parameter's id `<prefix>_<id_suffix>`, each processor's `<prefix>_bypass` (named
//! "<Display Name> Bypass"), names, units and groups from each `ParamSpec`; `Linear` and `Skewed`
//! ranges are floats (a skew keeps its factor), `Stepped` 0..1 a bool, other `Stepped` ranges and
//! `Enum` (with its variants) enums. Values reach the DSP as Wavecraft's dev-audio bridge passes
//! them: every plain value in `param_specs()` order through `apply_plain_values`, floats clamped to
//! their range, bools and enums rounded.
//!
//! Real-time safe: `wc_process` and `wc_set_param` allocate nothing (the schema and the processors
//! are made in `wc_init`, or when the host first reads the schema), so linear memory does not grow
//! after `wc_init`. Buffers hold `CAPACITY` frames; `wc_init` refuses more.
//!
//! Generic over Wavecraft's public traits and combinators (`Processor`, `ProcessorParams`,
//! `ParamSpec`, `ParamRange`, `Transport`, `Bypassed`, `SignalChain!`), found in the crate named
//! after `crate:` (default `wavecraft`, as a plugin names its Wavecraft dependency; a DSP-only
//! crate may give `crate: wavecraft_dsp`). No proc-macro: it builds without a registry.

/// Frames per block the buffers hold: `wc_init` refuses a larger `max_frames`.
pub const CAPACITY: usize = 8192;

/// The ABI version the exports implement.
pub const ABI_VERSION: i32 = 1;

#[doc(hidden)]
pub mod __private;

mod wavecraft_api;
pub use wavecraft_api::db_to_linear;

/// Exports the plugin's signal chain as an ABI v1 module: `export! { signal: SignalChain![A, B] }`
/// (optionally `, crate: wavecraft_dsp` for where the traits live).
#[macro_export]
macro_rules! export {
    (signal: SignalChain ! [ $($processor:ty),+ $(,)? ] $(,)?) => {
        $crate::export! { signal: SignalChain![$($processor),+], crate: wavecraft }
    };
    (signal: SignalChain ! [ $($processor:ty),+ $(,)? ], crate: $k:ident $(,)?) => {
        // The exports exist in the WebAssembly build only: the same crate builds the native plugin too.
        #[cfg(target_arch = "wasm32")]
        #[doc(hidden)]
        #[allow(non_snake_case, dead_code)]
        mod __wavecraft_wasm_dsp_export {
            use super::*;
            use $crate::__private::{Global, Host, ParamEntry, Range};

            type Dsp = SignalChain![$($processor),+];
            type DspParams = <Dsp as ::$k::Processor>::Params;

            /// Each processor's type name and the specs of its `Bypassed` wrapper (its own, then `bypass`).
            fn processors() -> &'static [(&'static str, fn() -> &'static [::$k::ParamSpec])] {
                &[$((
                    stringify!($processor),
                    <<::$k::Bypassed<$processor> as ::$k::Processor>::Params as ::$k::ProcessorParams>::param_specs,
                )),+]
            }

            fn entry(spec: &::$k::ParamSpec) -> ParamEntry {
                let range = match spec.range {
                    ::$k::ParamRange::Linear { min, max } => Range::Float { min, max, skew: None },
                    ::$k::ParamRange::Skewed { min, max, factor } => Range::Float { min, max, skew: Some(factor) },
                    ::$k::ParamRange::Stepped { min, max } => Range::Stepped { min, max },
                    ::$k::ParamRange::Enum { variants } => Range::Enum { variants },
                };
                ParamEntry {
                    id_suffix: spec.id_suffix,
                    name: spec.name,
                    range,
                    default: spec.default,
                    unit: spec.unit,
                    group: spec.group,
                }
            }

            struct Running {
                dsp: Dsp,
                params: DspParams,
            }

            static HOST: Global<Host> = Global::new(Host::new());
            static RUNNING: Global<Option<Running>> = Global::new(None);

            fn host() -> &'static mut Host {
                // The module runs on one thread (an AudioWorklet's, or Node's): no other borrow exists.
                let host = unsafe { HOST.get() };
                host.describe(|| {
                    processors()
                        .iter()
                        .map(|(name, specs)| (*name, specs().iter().map(entry).collect()))
                        .collect()
                });
                host
            }

            #[no_mangle]
            pub extern "C" fn wc_abi_version() -> i32 {
                $crate::ABI_VERSION
            }

            #[no_mangle]
            pub extern "C" fn wc_schema_ptr() -> i32 {
                host().schema().as_ptr() as i32
            }

            #[no_mangle]
            pub extern "C" fn wc_schema_len() -> i32 {
                host().schema().len() as i32
            }

            #[no_mangle]
            pub extern "C" fn wc_input_ptr(channel: i32) -> i32 {
                host().input_ptr(channel)
            }

            #[no_mangle]
            pub extern "C" fn wc_output_ptr(channel: i32) -> i32 {
                host().output_ptr(channel)
            }

            #[no_mangle]
            pub extern "C" fn wc_init(sample_rate: f32, max_frames: i32) -> i32 {
                let host = host();
                if let Err(code) = host.init(sample_rate, max_frames) {
                    return code;
                }
                let mut dsp = <Dsp as ::core::default::Default>::default();
                ::$k::Processor::set_sample_rate(&mut dsp, sample_rate);
                let mut params = <DspParams as ::$k::ProcessorParams>::from_param_defaults();
                ::$k::ProcessorParams::apply_plain_values(&mut params, host.values());
                ::$k::Processor::reset(&mut dsp);
                unsafe { *RUNNING.get() = Some(Running { dsp, params }) };
                0
            }

            #[no_mangle]
            pub extern "C" fn wc_set_param(index: i32, value: f32) {
                let host = host();
                if !host.set(index, value) {
                    return;
                }
                if let Some(running) = unsafe { RUNNING.get() } {
                    ::$k::ProcessorParams::apply_plain_values(&mut running.params, host.values());
                }
            }

            #[no_mangle]
            pub extern "C" fn wc_get_param(index: i32) -> f32 {
                host().get(index)
            }

            #[no_mangle]
            pub extern "C" fn wc_process(frames: i32) {
                let host = host();
                let running = match unsafe { RUNNING.get() } {
                    Some(running) => running,
                    None => ::core::arch::wasm32::unreachable(),
                };
                let mut channels = match host.block(frames) {
                    Some(channels) => channels,
                    None => ::core::arch::wasm32::unreachable(),
                };
                let transport = <::$k::Transport as ::core::default::Default>::default();
                ::$k::Processor::process(&mut running.dsp, &mut channels, &transport, &running.params);
            }

            #[no_mangle]
            pub extern "C" fn wc_reset() {
                if let Some(running) = unsafe { RUNNING.get() } {
                    ::$k::Processor::reset(&mut running.dsp);
                }
            }
        }
    };
}
