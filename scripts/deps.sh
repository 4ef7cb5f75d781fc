#!/usr/bin/env bash
# Install the Debian 12 packages genwire needs, only those that are missing.
#
#   bash scripts/deps.sh [SET...]      (default: build)
#
# Sets:
#   build  g++, cmake, ninja, GoogleTest, cpp-httplib (+ what its pkg-config needs)
#   clang  clang++-14, compiler-rt (libFuzzer, ASan/UBSan), llvm-symbolizer
#   json   nlohmann/json (reference decoder used by tests and fuzz harnesses)
#   fuzz   clang + json
#   bench  Google Benchmark, wrk, simdjson, RapidJSON, nlohmann/json, Boost.JSON; time, valgrind, curl (bench/*.sh)
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
  [clang]="clang-14 libclang-rt-14-dev llvm-14"
  [json]="nlohmann-json3-dev"
  [fuzz]="clang-14 libclang-rt-14-dev llvm-14 nlohmann-json3-dev"
  [bench]="libbenchmark-dev wrk libsimdjson-dev rapidjson-dev nlohmann-json3-dev libboost-json1.81-dev time valgrind curl"
)
SETS[all]="${SETS[build]} ${SETS[clang]} ${SETS[json]} ${SETS[bench]}"

[[ $# -gt 0 ]] || set -- build

wanted=()
for set_name in "$@"; do
  if [[ -z "${SETS[$set_name]+x}" ]]; then
    echo "deps: unknown set '$set_name' (known: ${!SETS[*]})" >&2
    exit 2
  fi
  # shellcheck disable=SC2206
  wanted+=(${SETS[$set_name]})
done

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
echo "deps: done"
