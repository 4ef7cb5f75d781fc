#!/usr/bin/env bash
# bench/run_all.sh: every benchmark in one go, results in BUILD_DIR/results/ (what bench/README.md
# quotes): machine.md, codec.txt + ratios.md, mock_load.md, compile_time.md, and with
# CALLGRIND=1 also callgrind.md.
#
#   bash bench/run_all.sh [BUILD_DIR]         (default build/bench, configured with the bench preset)
#
# Environment: CODEC_ARGS (Google Benchmark flags for the codec run; default: 3 repetitions of at
# least 0.2 s each, medians reported), CT_RUNS / CT_STRICT_RUNS (compile_time.sh runs, 3 and 1),
# CALLGRIND=1 to add the instruction counts; mock_load.sh reads DURATION, CONNECTIONS, ...
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build/bench}
results="$build/results"
mkdir -p "$results"

bash "$root/scripts/deps.sh" bench
[[ -f $build/CMakeCache.txt ]] || (cd "$root" && cmake --preset bench -B "$build")
cmake --build "$build" -j2 --target genwire-codec-bench genwire-codec-profile genwire-bare-server genwire-mock \
  genwire-compile-time-tu

{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- CPU: $(lscpu | awk -F': +' '/^Model name/ {print $2}'), $(nproc) cores ($(lscpu | awk -F': +' '/^Thread\(s\) per core/ {print $2}') thread(s) per core)"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; kernel $(uname -r)"
  echo "- compilers: $(g++ --version | head -1); $(clang++-14 --version 2>/dev/null | head -1 || echo 'no clang++-14')"
  echo "- load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results/machine.md"
cat "$results/machine.md"

echo "== codec (decode/encode MB/s and ratios)"
# shellcheck disable=SC2086
"$build/bench/genwire-codec-bench" --ratios_out="$results/ratios.md" \
  ${CODEC_ARGS:---benchmark_min_time=0.2 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true} \
  --benchmark_color=false >"$results/codec.txt"
echo "- load after the codec run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.md"

echo "== mock load"
GENWIRE_SKIP_DEPS=1 bash "$here/mock_load.sh" "$build" | tee "$results/mock_load.md"
echo "- load after the mock run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.md"

echo "== compile time"
GENWIRE_SKIP_DEPS=1 bash "$here/compile_time.sh" "${CT_RUNS:-3}" "${CT_STRICT_RUNS:-1}" | tee "$results/compile_time.md"
echo "- load after the compile-time run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.md"

if [[ "${CALLGRIND:-0}" == "1" ]]; then
  echo "== callgrind instruction counts"
  bash "$here/callgrind_ratios.sh" "$build" | tee "$results/callgrind.md"
fi
echo "results in $results"
