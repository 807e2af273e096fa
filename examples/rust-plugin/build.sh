#!/usr/bin/env bash
# Builds the plugin DSP for wasm32 with Debian's cargo, offline (its dependencies are paths):
#   build/tremolo.wasm          the plugin
#   build/tremolo-regress.wasm  the same with a deliberate 0.5 dB volume error (--cfg regress)
# Installs rustc, the wasm32 standard library and cargo with apt when they are missing (as root on Debian).
set -euo pipefail
cd "$(dirname "$0")"
RUSTC=${RUSTC:-/usr/bin/rustc}
CARGO=${CARGO:-/usr/bin/cargo}
if [ ! -x "$RUSTC" ] || [ ! -x "$CARGO" ] || [ ! -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
    echo "[rust-plugin] installing Debian's rustc, libstd-rust-dev-wasm32 and cargo (apt-get)…" >&2
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y rustc libstd-rust-dev-wasm32 cargo) >&2
  else
    echo "[rust-plugin] needs $RUSTC with the wasm32 standard library and $CARGO: apt-get install rustc libstd-rust-dev-wasm32 cargo" >&2
    exit 1
  fi
fi
mkdir -p build
build() { # target dir, extra rustc flags, output
  RUSTC="$RUSTC" CARGO_TARGET_DIR="$1" RUSTFLAGS="$2" "$CARGO" build --offline --release --quiet --target wasm32-unknown-unknown
  cp "$1/wasm32-unknown-unknown/release/tremolo.wasm" "$3"
}
build target/plain "" build/tremolo.wasm
build target/regress "--cfg regress" build/tremolo-regress.wasm
