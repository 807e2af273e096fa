/**
 * Debian's rustc with the wasm32 standard library, for the Rust test modules and examples/rust-plugin; installed with
 * apt when missing (root on Debian).
 */
import { existsSync } from 'node:fs';
import { DEBIAN_RUSTC } from '../../fixtures/rust/buildRustWasm.ts';
import { aptInstall } from '../../harness/setup/aptInstall.ts';

const WASM_STD = '/usr/lib/rustlib/wasm32-unknown-unknown';

export function ensureRustWasm(log: (line: string) => void): void {
  if (existsSync(DEBIAN_RUSTC) && existsSync(WASM_STD)) {
    log(`rust: ${DEBIAN_RUSTC} with the wasm32 standard library`);
    return;
  }
  aptInstall(['rustc', 'libstd-rust-dev-wasm32'], `rust (${DEBIAN_RUSTC} with ${WASM_STD})`, log);
  log('rust: installed');
}
