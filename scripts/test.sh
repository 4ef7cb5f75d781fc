#!/usr/bin/env bash
# THE test command: build and run every test with g++ (default preset) and clang++ 14 under
# ASan+UBSan (asan preset: clang with -Werror, so both compilers build warning-free). The plain
# clang preset adds no coverage beyond asan and is left out to keep CI well under 30 minutes;
# `GENWIRE_PRESETS="default clang asan" bash scripts/test.sh` runs it too. Last, every fuzz
# target for a bounded time (fuzz/smoke.sh) on the harnesses the asan build already has.
#
#   bash scripts/test.sh
#
# Installs missing Debian 12 packages first (scripts/deps.sh). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a PRESETS <<< "${GENWIRE_PRESETS:-default asan}"
JOBS=2
summary=()
passed_total=0
failed_total=0
current="deps"

on_exit() {
  local rc=$?
  echo
  echo "==================== genwire test summary ===================="
  local line
  for line in "${summary[@]}"; do echo "  $line"; done
  if [[ $rc -ne 0 ]]; then
    echo "  FAILED during: $current (exit $rc)"
  fi
  echo "=============================================================="
  if [[ $rc -eq 0 ]]; then
    echo "Total: ${passed_total} passed, ${failed_total} failed, in ${SECONDS}s"
  fi
}
trap on_exit EXIT

bash scripts/deps.sh build clang json fuzz interop

log_dir=build/test-logs
mkdir -p "$log_dir"

deps_seconds=$SECONDS
summary+=("$(printf '%-8s OK                %4ss' "deps" "$deps_seconds")")

for preset in "${PRESETS[@]}"; do
  start=$SECONDS
  echo
  echo "==> [$preset] configure"
  current="$preset: configure"
  cmake --preset "$preset"
  configured=$SECONDS
  echo "==> [$preset] build"
  current="$preset: build"
  cmake --build --preset "$preset" -j"$JOBS"
  built=$SECONDS
  echo "==> [$preset] test"
  current="$preset: ctest"
  ctest --preset "$preset" -j"$JOBS" 2>&1 | tee "$log_dir/$preset.log"
  # "100% tests passed, 0 tests failed out of 7"
  total=$(sed -n 's/.*tests passed, [0-9]* tests\{0,1\} failed out of \([0-9]*\).*/\1/p' "$log_dir/$preset.log" | tail -n 1)
  total=${total:-0}
  passed_total=$((passed_total + total))
  summary+=("$(printf '%-8s OK   %4s tests  %4ss  (configure %ss, build %ss, ctest %ss)' "$preset" "$total" \
    $((SECONDS - start)) $((configured - start)) $((built - configured)) $((SECONDS - built)))")
done

if [[ -f fuzz/smoke.sh ]]; then
  start=$SECONDS
  echo
  # The asan preset builds the harnesses with everything else (which also proves that
  # GENWIRE_BUILD_FUZZ works beside the mock, tests and tools); without it, the fuzz preset.
  fuzz_preset=fuzz
  [[ " ${PRESETS[*]} " == *" asan "* ]] && fuzz_preset=asan
  echo "==> [fuzz] GENWIRE_FUZZ_PRESET=$fuzz_preset bash fuzz/smoke.sh"
  current="fuzz smoke (fuzz/smoke.sh, preset $fuzz_preset)"
  GENWIRE_FUZZ_PRESET=$fuzz_preset bash fuzz/smoke.sh
  summary+=("$(printf '%-8s OK   %4s        %4ss' "fuzz" "-" $((SECONDS - start)))")
fi
current="done"
