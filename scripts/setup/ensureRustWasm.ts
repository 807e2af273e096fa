/**
 * Debian's rustc with the wasm32 standard library, and Debian's cargo (it builds path-only crates offline: the
 * wavecraft-wasm-dsp crate, the stand-in Wavecraft chain, examples/rust-plugin), for the Rust test modules; installed
 * with apt when missing (root on Debian).
 */
import { existsSync } from 'node:fs';
import { DEBIAN_RUSTC } from '../../fixtures/rust/buildRustWasm.ts';
import { DEBIAN_CARGO } from '../../fixtures/rust/buildWavecraftChain.ts';
import { aptInstall } from '../../harness/setup/aptInstall.ts';

const WASM_STD = '/usr/lib/rustlib/wasm32-unknown-unknown';

export function ensureRustWasm(log: (line: string) => void): void {
  if (existsSync(DEBIAN_RUSTC) && existsSync(WASM_STD) && existsSync(DEBIAN_CARGO)) {
    log(`rust: ${DEBIAN_RUSTC} with the wasm32 standard library, ${DEBIAN_CARGO}`);
    return;
  }
  aptInstall(
    ['rustc', 'libstd-rust-dev-wasm32', 'cargo'],
    `rust (${DEBIAN_RUSTC} with ${WASM_STD}, ${DEBIAN_CARGO})`,
    log,
  );
  log('rust: installed');
}
