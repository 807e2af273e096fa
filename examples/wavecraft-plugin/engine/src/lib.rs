// The plugin's engine, as `wavecraft create` lays it out: named wrappers around Wavecraft's
// built-in processors, a processor of its own in `processors/`, and the signal chain.
use wavecraft::prelude::wavecraft_plugin;
use wavecraft::prelude::wavecraft_processor;
use wavecraft::prelude::SignalChain;
use wavecraft::Oscillator;
use wavecraft::OscilloscopeTap;

mod processors;
use processors::Balance;

wavecraft_processor!(InputTrim => Gain);
wavecraft_processor!(ToneFilter => Filter);
wavecraft_processor!(SoftClip => Saturator);
wavecraft_processor!(OutputGain => Gain);

wavecraft_plugin! {
    name: "Harness Example",
    signal: SignalChain![
        Oscillator,
        InputTrim,
        Balance,
        ToneFilter,
        SoftClip,
        OutputGain,
        OscilloscopeTap,
    ],
}
