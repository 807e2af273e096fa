/** Debian's rustc with the wasm32 standard library, for the Rust test modules and examples/rust-plugin; installed with apt when missing (root on Debian). */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_RUSTC } from '../../fixtures/rust/buildRustWasm.ts';

const WASM_STD = '/usr/lib/rustlib/wasm32-unknown-unknown';

export function ensureRustWasm(log: (line: string) => void): void {
  if (existsSync(DEBIAN_RUSTC) && existsSync(WASM_STD)) {
    log(`rust: ${DEBIAN_RUSTC} with the wasm32 standard library`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) throw new Error(`rust: ${DEBIAN_RUSTC} with ${WASM_STD} is needed; install Debian's packages rustc and libstd-rust-dev-wasm32`);
  log('rust: installing Debian packages rustc and libstd-rust-dev-wasm32 (apt-get)…');
  execSync('apt-get update && apt-get install -y rustc libstd-rust-dev-wasm32', { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  log('rust: installed');
}
