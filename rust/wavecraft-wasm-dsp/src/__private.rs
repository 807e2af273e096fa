//! What `export!` expands to calls: the parts of the ABI that need no Wavecraft type. The naming
//! (type name to id prefix and display name, a second instance numbered), the schema JSON, the
//! parameter table (ranges, clamping and rounding, the plain values in spec order) and the
//! buffers. Not a public API.

use std::cell::UnsafeCell;
use std::fmt::Write;

use crate::CAPACITY;

/// A static the single-threaded module mutates in place (no `static mut` in a plugin's crate).
pub struct Global<T>(UnsafeCell<T>);

// A WebAssembly module of this ABI runs on one thread: its host calls one export at a time.
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    pub const fn new(value: T) -> Self {
        Self(UnsafeCell::new(value))
    }

    /// # Safety
    /// No other reference to the value may be alive: the module's exports never overlap.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn get(&self) -> &mut T {
        &mut *self.0.get()
    }
}

/// How a `ParamRange` reaches the schema.
#[derive(Clone, Copy)]
pub enum Range {
    Float { min: f64, max: f64, skew: Option<f64> },
    Stepped { min: i32, max: i32 },
    Enum { variants: &'static [&'static str] },
}

/// A `ParamSpec`, as the schema needs it.
pub struct ParamEntry {
    pub id_suffix: &'static str,
    pub name: &'static str,
    pub range: Range,
    pub default: f64,
    pub unit: &'static str,
    pub group: Option<&'static str>,
}

/// The last segment of a type as written (`wavecraft::Oscillator` → `Oscillator`), generics cut.
fn type_name(written: &str) -> &str {
    let name = written.rsplit("::").next().unwrap_or(written).trim();
    name.split('<').next().unwrap_or(name).trim()
}

/// A processor's id prefix as `wavecraft_plugin!` makes it: `InputTrim` → `input_trim`.
pub fn type_prefix(written: &str) -> String {
    let mut prefix = String::new();
    for (i, c) in type_name(written).chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            prefix.push('_');
        }
        prefix.extend(c.to_lowercase());
    }
    prefix
}

/// A processor's display name as `wavecraft_plugin!` makes it: `InputTrim` → `Input Trim`.
pub fn display_name(written: &str) -> String {
    let mut name = String::new();
    let mut after_lower_or_digit = false;
    for c in type_name(written).chars() {
        if c.is_ascii_uppercase() && after_lower_or_digit {
            name.push(' ');
        }
        name.push(c);
        after_lower_or_digit = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    name
}

/// Each processor's prefix, a type that comes more than once numbered from its second: `gain`, `gain_2`.
pub fn instance_prefixes(written: &[&str]) -> Vec<String> {
    let bases: Vec<String> = written.iter().map(|w| type_prefix(w)).collect();
    let mut seen: Vec<(String, usize)> = Vec::new();
    bases
        .iter()
        .map(|base| {
            let total = bases.iter().filter(|b| *b == base).count();
            let count = match seen.iter_mut().find(|(b, _)| b == base) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((base.clone(), 1));
                    1
                }
            };
            if total <= 1 || count == 1 {
                base.clone()
            } else {
                let mut numbered = base.clone();
                let _ = write!(numbered, "_{}", count);
                numbered
            }
        })
        .collect()
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON number: finite, with no trailing `.0` (`1` for 1.0, `0.707`).
fn json_number(out: &mut String, x: f64) {
    let x = if x.is_finite() { x } else { 0.0 };
    if x == (x as i64) as f64 && x.abs() < 1e15 {
        let _ = write!(out, "{}", x as i64);
    } else {
        let _ = write!(out, "{}", x);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Float,
    Bool,
    Enum,
}

/// One parameter of the module: its range and its current plain value.
struct Param {
    kind: Kind,
    min: f32,
    max: f32,
}

/// The module's state that needs no Wavecraft type: the schema, the parameters and the buffers.
pub struct Host {
    schema: String,
    params: Vec<Param>,
    values: Vec<f32>,
    described: bool,
    max_frames: usize,
    input: [[f32; CAPACITY]; 2],
    output: [[f32; CAPACITY]; 2],
}

impl Host {
    pub const fn new() -> Self {
        Self {
            schema: String::new(),
            params: Vec::new(),
            values: Vec::new(),
            described: false,
            max_frames: 0,
            input: [[0.0; CAPACITY]; 2],
            output: [[0.0; CAPACITY]; 2],
        }
    }

    /// Builds the schema and the parameter table once, from each processor's type name and specs.
    pub fn describe(&mut self, processors: impl FnOnce() -> Vec<(&'static str, Vec<ParamEntry>)>) {
        if self.described {
            return;
        }
        self.described = true;
        let processors = processors();
        let names: Vec<&str> = processors.iter().map(|(name, _)| *name).collect();
        let prefixes = instance_prefixes(&names);
        let mut json = String::from("[");
        for ((written, entries), prefix) in processors.iter().zip(prefixes.iter()) {
            for entry in entries {
                let (kind, min, max) = match entry.range {
                    Range::Float { min, max, .. } => (Kind::Float, min, max),
                    Range::Stepped { min, max } if min == 0 && max == 1 => (Kind::Bool, 0.0, 1.0),
                    Range::Stepped { min, max } => (Kind::Enum, min as f64, max as f64),
                    Range::Enum { variants } => (Kind::Enum, 0.0, variants.len().saturating_sub(1) as f64),
                };
                let default = entry.default.max(min).min(max);
                let default = if kind == Kind::Float { default } else { default.round() };
                if json.len() > 1 {
                    json.push(',');
                }
                json.push_str("\n{\"id\":");
                let mut id = prefix.clone();
                id.push('_');
                id.push_str(entry.id_suffix);
                json_string(&mut json, &id);
                json.push_str(",\"name\":");
                if entry.id_suffix == "bypass" {
                    let mut name = display_name(written);
                    name.push_str(" Bypass");
                    json_string(&mut json, &name);
                } else {
                    json_string(&mut json, entry.name);
                }
                json.push_str(",\"type\":");
                json_string(&mut json, match kind {
                    Kind::Float => "float",
                    Kind::Bool => "bool",
                    Kind::Enum => "enum",
                });
                json.push_str(",\"default\":");
                json_number(&mut json, default);
                json.push_str(",\"min\":");
                json_number(&mut json, min);
                json.push_str(",\"max\":");
                json_number(&mut json, max);
                if !entry.unit.is_empty() {
                    json.push_str(",\"unit\":");
                    json_string(&mut json, entry.unit);
                }
                if let Some(group) = entry.group {
                    json.push_str(",\"group\":");
                    json_string(&mut json, group);
                }
                if let Range::Enum { variants } = entry.range {
                    json.push_str(",\"variants\":[");
                    for (i, variant) in variants.iter().enumerate() {
                        if i > 0 {
                            json.push(',');
                        }
                        json_string(&mut json, variant);
                    }
                    json.push(']');
                }
                if let Range::Float { skew: Some(factor), .. } = entry.range {
                    json.push_str(",\"skew\":");
                    json_number(&mut json, factor);
                }
                json.push('}');
                self.params.push(Param { kind, min: min as f32, max: max as f32 });
                self.values.push(default as f32);
            }
        }
        json.push_str("\n]");
        self.schema = json;
    }

    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The plain values, in `param_specs()` order: what `apply_plain_values` takes.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// Prepares for blocks of up to `max_frames`; Err(code) for what the ABI refuses.
    pub fn init(&mut self, sample_rate: f32, max_frames: i32) -> Result<(), i32> {
        if max_frames < 1 || max_frames as usize > CAPACITY {
            return Err(1);
        }
        if !(sample_rate >= 8000.0 && sample_rate <= 384_000.0) {
            return Err(2);
        }
        self.max_frames = max_frames as usize;
        Ok(())
    }

    /// Sets parameter `index` as Wavecraft's dev-audio bridge would: a float clamped to its range, a
    /// bool or enum rounded into it. False for an index out of range or a NaN (ignored).
    pub fn set(&mut self, index: i32, value: f32) -> bool {
        let param = match usize::try_from(index).ok().and_then(|i| self.params.get(i)) {
            Some(param) => param,
            None => return false,
        };
        if value.is_nan() {
            return false;
        }
        let clamped = value.max(param.min).min(param.max);
        self.values[index as usize] = if param.kind == Kind::Float { clamped } else { round(clamped) };
        true
    }

    pub fn get(&self, index: i32) -> f32 {
        usize::try_from(index).ok().and_then(|i| self.values.get(i)).copied().unwrap_or(f32::NAN)
    }

    pub fn input_ptr(&mut self, channel: i32) -> i32 {
        self.input[(channel & 1) as usize].as_ptr() as i32
    }

    pub fn output_ptr(&mut self, channel: i32) -> i32 {
        self.output[(channel & 1) as usize].as_ptr() as i32
    }

    /// The block's output channels with the input copied in (processors work in place), or None
    /// for a frame count the ABI does not allow.
    pub fn block(&mut self, frames: i32) -> Option<[&mut [f32]; 2]> {
        if frames < 1 || frames as usize > self.max_frames {
            return None;
        }
        let n = frames as usize;
        let [left, right] = &mut self.output;
        left[..n].copy_from_slice(&self.input[0][..n]);
        right[..n].copy_from_slice(&self.input[1][..n]);
        Some([&mut left[..n], &mut right[..n]])
    }
}

impl Default for Host {
    fn default() -> Self {
        Self::new()
    }
}

fn round(x: f32) -> f32 {
    x.round()
}
