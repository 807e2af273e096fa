#!/usr/bin/env bash
# Builds the plugin DSP for wasm32 with Debian's rustc (standard library, no crates):
#   build/tremolo.wasm          the plugin
#   build/tremolo-regress.wasm  the same with a deliberate 0.5 dB volume error (--cfg regress)
# Installs rustc and the wasm32 standard library with apt when they are missing (as root on Debian).
set -euo pipefail
cd "$(dirname "$0")"
RUSTC=${RUSTC:-/usr/bin/rustc}
if [ ! -x "$RUSTC" ] || [ ! -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
    echo "[rust-plugin] installing Debian's rustc and libstd-rust-dev-wasm32 (apt-get)…" >&2
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y rustc libstd-rust-dev-wasm32) >&2
  else
    echo "[rust-plugin] needs $RUSTC with the wasm32 standard library: apt-get install rustc libstd-rust-dev-wasm32" >&2
    exit 1
  fi
fi
mkdir -p build
flags=(--edition 2021 --target wasm32-unknown-unknown --crate-type cdylib -C opt-level=3 -C strip=symbols)
"$RUSTC" "${flags[@]}" src/lib.rs -o build/tremolo.wasm
"$RUSTC" "${flags[@]}" --cfg regress src/lib.rs -o build/tremolo-regress.wasm
