#!/usr/bin/env bash
# CI smoke run of every fuzz target: builds the `fuzz` preset (clang++-14, libFuzzer, ASan+UBSan;
# GENWIRE_FUZZ_PRESET=asan takes the asan preset's build, which has the harnesses too), then runs each target on its seed corpus plus the saved regression inputs and mutates for a
# bounded time. Fails on any crash, leak, timeout, out-of-memory or property violation, and prints
# the reproducer. scripts/test.sh runs it last.
#
#   bash fuzz/smoke.sh                      # total fuzzing budget ~180 s of wall time on 2 cores
#   GENWIRE_FUZZ_BUDGET=600 bash fuzz/smoke.sh
#   GENWIRE_FUZZ_SECONDS=120 bash fuzz/smoke.sh json_check synthetic   # chosen targets, fixed time
#
# Environment: GENWIRE_FUZZ_BUDGET (seconds of wall time for all targets, default 180),
# GENWIRE_FUZZ_SECONDS (seconds per target; overrides the budget), GENWIRE_FUZZ_JOBS (parallel
# targets, default 2), GENWIRE_FUZZ_WORK (run directory, default build/fuzz/smoke; emptied first),
# GENWIRE_FUZZ_KEEP=1 (keep the grown corpora in <run directory>/<target>/corpus),
# GENWIRE_FUZZ_PRESET (the preset whose harnesses run, default fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

budget=${GENWIRE_FUZZ_BUDGET:-180}
jobs=${GENWIRE_FUZZ_JOBS:-2}

bash scripts/deps.sh build fuzz

preset=${GENWIRE_FUZZ_PRESET:-fuzz}
echo "==> [fuzz] configure + build (preset $preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$jobs"

bin_dir=build/$preset/fuzz
list="$bin_dir/targets.txt"
[[ -s "$list" ]] || { echo "fuzz: no target list at $list" >&2; exit 1; }

declare -A path_of=()
all=()
while read -r name path; do
  [[ -n "$name" ]] || continue
  path_of[$name]=$path
  all+=("$name")
done <"$list"

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ -n "${path_of[$t]+x}" ]] || { echo "fuzz: unknown target '$t' (known: ${all[*]})" >&2; exit 2; }
done

n=${#targets[@]}
if [[ -n "${GENWIRE_FUZZ_SECONDS:-}" ]]; then
  per=$GENWIRE_FUZZ_SECONDS
else
  # Targets run $jobs at a time; each gets an equal share of the wall-time budget.
  per=$(( budget * jobs / n ))
  (( per >= 5 )) || per=5
fi

work=${GENWIRE_FUZZ_WORK:-build/$preset/smoke}
rm -rf "$work"
mkdir -p "$work"
echo "==> [fuzz] ${n} targets, ${per}s each, ${jobs} at a time"

run_one() {
  local t=$1 dir="$work/$1"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  local corpora=("$dir/corpus" "$bin_dir/seeds/$t")
  [[ -d "$root/tests/regression/inputs/$t" ]] && corpora+=("$root/tests/regression/inputs/$t")
  local rc=0
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a leak or blow-up is an error.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "${path_of[$t]}" -max_total_time="$per" -timeout=10 -rss_limit_mb=2560 \
      -dict="$root/fuzz/json.dict" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
      "${corpora[@]}" >"$dir/log" 2>&1 || rc=$?
  echo "$rc" >"$dir/rc"
}

pids=()
for t in "${targets[@]}"; do
  while (( $(jobs -rp | wc -l) >= jobs )); do wait -n || true; done
  run_one "$t" &
  pids+=($!)
done
wait

failed=0
printf '\n%-44s %6s %12s %10s %8s\n' target rc executions "exec/s" "new"
for t in "${targets[@]}"; do
  dir="$work/$t"
  rc=$(cat "$dir/rc" 2>/dev/null || echo "?")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -n1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$dir/log" | tail -n1)
  printf '%-44s %6s %12s %10s %8s\n' "$t" "$rc" "${execs:--}" "${rate:--}" "${added:--}"
  if [[ "$rc" != "0" ]]; then
    failed=1
  fi
done

if (( failed )); then
  for t in "${targets[@]}"; do
    dir="$work/$t"
    [[ "$(cat "$dir/rc" 2>/dev/null)" == "0" ]] && continue
    echo
    echo "==================== fuzz target $t FAILED ===================="
    grep -E -A12 'PROPERTY VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$dir/log" | head -n 60 || tail -n 40 "$dir/log"
    ls "$dir/artifacts" 2>/dev/null | sed "s|^|  reproducer: $dir/artifacts/|"
    echo "  reproduce: ${path_of[$t]} <reproducer>   (fuzz/README.md: adding it to tests/regression)"
  done
  exit 1
fi
[[ "${GENWIRE_FUZZ_KEEP:-0}" == "1" ]] || rm -rf "$work"/*/corpus
echo "fuzz: all ${n} targets clean"
