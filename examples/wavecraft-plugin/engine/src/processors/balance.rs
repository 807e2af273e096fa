// Balance: turns one side down as the other stays (equal at 0; -1 mutes the right, +1 the left),
// ramped over 10 ms so a change does not click.

use wavecraft::prelude::*;

#[derive(Clone)]
pub struct BalanceParams {
    pub balance: f32,
}

impl Default for BalanceParams {
    fn default() -> Self {
        Self { balance: 0.0 }
    }
}

impl ProcessorParams for BalanceParams {
    fn param_specs() -> &'static [ParamSpec] {
        static SPECS: [ParamSpec; 1] = [ParamSpec {
            name: "Balance",
            id_suffix: "position",
            range: ParamRange::Linear { min: -1.0, max: 1.0 },
            default: 0.0,
            unit: "",
            group: None,
        }];
        &SPECS
    }

    fn from_param_defaults() -> Self {
        Self::default()
    }

    fn apply_plain_values(&mut self, values: &[f32]) {
        if let Some(value) = values.first() {
            self.balance = *value;
        }
    }
}

#[derive(Default)]
pub struct Balance {
    sample_rate: f32,
    gains: [f32; 2],
    started: bool,
}

fn side_gains(balance: f32) -> [f32; 2] {
    [(1.0 - balance.max(0.0)), (1.0 + balance.min(0.0))]
}

impl Processor for Balance {
    type Params = BalanceParams;

    fn process(&mut self, buffer: &mut [&mut [f32]], _transport: &Transport, params: &Self::Params) {
        let target = side_gains(params.balance);
        if !self.started {
            self.gains = target;
            self.started = true;
        }
        let step = 1.0 / (0.01 * self.sample_rate.max(1.0));
        let start = self.gains;
        for (side, channel) in buffer.iter_mut().enumerate().take(2) {
            let mut gain = start[side];
            for sample in channel.iter_mut() {
                gain += (target[side] - gain).clamp(-step, step);
                *sample *= gain;
            }
            self.gains[side] = gain;
        }
    }

    fn set_sample_rate(&mut self, sample_rate: f32) {
        self.sample_rate = sample_rate;
    }

    fn reset(&mut self) {
        self.started = false;
    }
}
