#!/usr/bin/env bash
# Install the Debian 12 packages genwire needs, only those that are missing.
#
#   bash scripts/deps.sh [SET...]      (default: build)
#
# Sets:
#   build  g++, cmake, ninja, GoogleTest, cpp-httplib (+ what its pkg-config needs)
#   clang  clang++-14, compiler-rt (libFuzzer, ASan/UBSan), llvm-symbolizer, lld (the asan and fuzz
#          presets link with it: several times faster than ld.bfd on sanitized programs)
#   json   nlohmann/json (reference decoder used by tests and fuzz harnesses)
#   fuzz   clang + json
#   bench  Google Benchmark, wrk, simdjson, RapidJSON, nlohmann/json, Boost.JSON; time, valgrind, curl (bench/*.sh)
#   interop  node and npm (Debian's nodejs and npm, only when the commands are missing), Debian's
#          chromium (only when the command is missing; interop_browser), then tests/interop's npm
#          packages (`npm ci`, pinned by its package-lock.json) when not yet installed
#   all    everything above
#
# Set GENWIRE_SKIP_DEPS=1 to skip this step entirely.
set -euo pipefail

if [[ "${GENWIRE_SKIP_DEPS:-0}" == "1" ]]; then
  echo "deps: GENWIRE_SKIP_DEPS=1, skipping package check"
  exit 0
fi

declare -A SETS=(
  [build]="g++ cmake ninja-build pkgconf libgtest-dev libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev openssl"
  [clang]="clang-14 libclang-rt-14-dev llvm-14 lld-14 lld"
  [json]="nlohmann-json3-dev"
  [fuzz]="clang-14 libclang-rt-14-dev llvm-14 lld-14 lld nlohmann-json3-dev"
  [bench]="libbenchmark-dev wrk libsimdjson-dev rapidjson-dev nlohmann-json3-dev libboost-json1.81-dev time valgrind curl"
)
# interop's Debian packages are added below only when node or npm is missing: a node installed
# another way (it ships its own npm) must not be replaced.
SETS[interop]=""
SETS[all]="${SETS[build]} ${SETS[clang]} ${SETS[json]} ${SETS[bench]} ${SETS[interop]}"

[[ $# -gt 0 ]] || set -- build

wanted=()
interop=0
for set_name in "$@"; do
  if [[ -z "${SETS[$set_name]+x}" ]]; then
    echo "deps: unknown set '$set_name' (known: ${!SETS[*]})" >&2
    exit 2
  fi
  # shellcheck disable=SC2206
  wanted+=(${SETS[$set_name]})
  [[ "$set_name" == interop || "$set_name" == all ]] && interop=1
done
if [[ $interop -eq 1 ]] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
  wanted+=(nodejs npm)
fi
if [[ $interop -eq 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  wanted+=(chromium)
fi

# The interop tests' npm packages, exactly as package-lock.json pins them; again after the lock changes.
install_npm_packages() {
  [[ $interop -eq 1 ]] || return 0
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/interop"
  if [[ -f "$dir/node_modules/.package-lock.json" && ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    echo "deps: npm packages present for tests/interop"
    return 0
  fi
  echo "deps: npm ci in tests/interop"
  # No package needs an install script; --ignore-scripts also keeps Prism's dependency on
  # @scarf/scarf from reporting the install to its analytics service.
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
declare -A seen=()
for pkg in "${wanted[@]}"; do
  [[ -n "${seen[$pkg]+x}" ]] && continue
  seen[$pkg]=1
  installed "$pkg" || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "deps: all packages present for: $*"
  install_npm_packages
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: missing packages (${missing[*]}) and apt-get is not available; this script targets Debian 12" >&2
  exit 1
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "deps: missing packages (${missing[*]}); run as root or install sudo" >&2
    exit 1
  fi
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm_packages
echo "deps: done"
