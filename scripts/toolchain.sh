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

# Runs cargo for wasm32-unknown-unknown with the chosen toolchain, as
# wasm_pack does (for the Yew example app).
wasm_cargo() {
  case "$(wasm_toolchain)" in
    rustup) cargo "$@" --target wasm32-unknown-unknown ;;
    debian)
      PATH="$PWD/node_modules/.bin:/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 \
        CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/build-std}" \
        cargo "$@" --target wasm32-unknown-unknown
      ;;
    *)
      echo "No wasm32 toolchain found: run ./scripts/setup first." >&2
      return 1
      ;;
  esac
}

# Where wasm_cargo puts its output.
wasm_target_dir() {
  if [ "$(wasm_toolchain)" = debian ]; then echo "${CARGO_TARGET_DIR:-target/build-std}"; else echo "${CARGO_TARGET_DIR:-target}"; fi
}

# The release build of the browser module: on a pinned nightly where rustup
# has it, with the size settings that need one (the standard library built
# for size, no panic locations, no Debug formatting; docs/size.md);
# otherwise on the route above, about 10 KB gzip larger.
SIZE_NIGHTLY=nightly-2026-10-30

nightly_ready() {
  command -v rustup >/dev/null 2>&1 || return 1
  [ "${ARTICLE_CARD_WASM_TOOLCHAIN:-}" = debian ] && return 1
  local sysroot
  sysroot=$(rustc +"$SIZE_NIGHTLY" --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] &&
    compgen -G "$(rustc +"$SIZE_NIGHTLY" --print target-libdir --target wasm32-unknown-unknown)/libcore-*.rlib" >/dev/null
}

release_route() { if nightly_ready; then echo "$SIZE_NIGHTLY"; else echo "stable ($(wasm_toolchain))"; fi; }

# wasm-pack build --release with the size settings where they can be had.
wasm_pack_release() {
  if nightly_ready; then
    RUSTUP_TOOLCHAIN="$SIZE_NIGHTLY" \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none" \
      CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/size}" \
      wasm-pack build --release "$@"
  else
    echo "note: the pinned $SIZE_NIGHTLY is not installed (./scripts/setup installs it where rustup can);" \
      "building on stable, which makes the module about 10 KB gzip larger" >&2
    wasm_pack build --release "$@"
  fi
}
