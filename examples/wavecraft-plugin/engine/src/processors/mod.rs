// The plugin's own processors, one file each.

pub mod balance;

pub use balance::Balance;
