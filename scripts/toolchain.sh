# Sourced by the other scripts: puts the project's tools on PATH and picks
# how to build for wasm32-unknown-unknown.
#
# Two ways exist (see docs/toolchain.md):
#   rustup  - the usual one: rustup's prebuilt wasm32 standard library;
#   debian  - where rustup cannot fetch it: Debian's rustc-web with the
#             standard library sources, built with -Z build-std.
# ARTICLE_CARD_WASM_TOOLCHAIN=rustup|debian forces one.

# Cargo-installed tools and the npm tools (a recent wasm-opt) come first.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Whether rustup's toolchain has the standard library of a target.
rustup_has_target() {
  command -v rustup >/dev/null 2>&1 || return 1
  local libdir
  libdir=$(rustc --print target-libdir --target "$1" 2>/dev/null) || return 1
  compgen -G "$libdir/libcore-*.rlib" >/dev/null
}

rustup_has_wasm() { rustup_has_target wasm32-unknown-unknown; }

debian_has_wasm() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && command -v rust-lld >/dev/null 2>&1 &&
    [ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ]
}

wasm_toolchain() {
  if [ -n "${ARTICLE_CARD_WASM_TOOLCHAIN:-}" ]; then
    echo "$ARTICLE_CARD_WASM_TOOLCHAIN"
  elif rustup_has_wasm; then
    echo rustup
  elif debian_has_wasm; then
    echo debian
  else
    echo none
  fi
}

# Runs a wasm-pack command ("build" or "test") with the chosen toolchain.
# Arguments after the command go to wasm-pack.
wasm_pack() {
  local command=$1
  shift
  case "$(wasm_toolchain)" in
    rustup) wasm-pack "$command" "$@" ;;
    debian)
      # rustc-web lives in /usr/bin; it must win over rustup's proxies, but
      # not over the npm wasm-opt (Debian's binaryen is too old).
      mkdir -p "$(/usr/bin/rustc --target wasm32-unknown-unknown --print target-libdir)" 2>/dev/null || true
      # build-std goes in through cargo's config environment, which wasm-pack
      # passes on untouched (unlike extra command-line flags).
      PATH="$PWD/node_modules/.bin:/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 \
        CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/build-std}" \
        wasm-pack "$command" "$@"
      ;;
    *)
      echo "No wasm32 toolchain found: run ./scripts/setup first." >&2
      return 1
      ;;
  esac
}

wasm_pack_build() { wasm_pack build "$@"; }
