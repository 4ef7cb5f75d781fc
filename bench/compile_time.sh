#!/usr/bin/env bash
# bench/compile_time.sh: CPU time, wall time and peak memory of compiling genwire's compile-time
# TUs with g++ 12 and clang++ 14 at -O2 (-std=c++20 -Wall -Wextra -Wpedantic -Werror -c), measured
# with /usr/bin/time -v. One row per TU and compiler:
#
#   all types, default options   bench/compile_time_tu.cpp: every endpoint's request, response and
#                                error type decoded and encoded                  target <= 8 s, <= 400 MB
#   + the same with strict       ... and again with genwire::strict              target <= 11 s
#   one endpoint                 bench/compile_time_one.cpp: the umbrella header, FLORA's list
#                                response decoded and encoded once               target <= 2 s
#   all types + strict, extern   compile_time_tu.cpp with GENWIRE_CT_EXTERN=1: the codecs declared
#                                extern (<genwire/compiled_endpoints.hpp>), compiled in genwire::endpoints
#   one endpoint, extern         compile_time_one.cpp the same way
#   genwire::endpoints           bench/compile_time_library.cpp: src/endpoints/compiled_*.cpp read as
#                                one TU, the library's one-off cost
#   all types, compact           compile_time_tu.cpp with GENWIRE_COMPACT_CODEC: the member-table codec
#   one endpoint, compact        compile_time_one.cpp the same way
#
#   bash bench/compile_time.sh [RUNS [SLOW_RUNS]]   (defaults 3 and 1; the median is reported)
#
# SLOW_RUNS is for the rows that take most of a minute (the strict TU, genwire::endpoints). The
# verdict reads CPU time (user + sys): on a machine shared with other builds wall time measures the
# other builds as much as the compiler. Environment: CXX_LIST="g++-12 clang++-14" to choose the
# compilers; ROWS="default strict one ..." to choose rows (names as in the list below);
# GENWIRE_SKIP_DEPS=1 to skip the package check. Prints a Markdown table; exits 1 if a compile fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-3}
slow_runs=${2:-1}

bash "$root/scripts/deps.sh" bench >&2  # /usr/bin/time is Debian's package `time`
[[ -x /usr/bin/time ]] || { echo "compile_time: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

pick() {  # the first of the given compiler names that exists
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
}
if [[ -z "${CXX_LIST:-}" ]]; then
  CXX_LIST="$(pick g++-12 g++) $(pick clang++-14 clang++)"
fi

# name | label | source | defines | runs (fast or slow) | target CPU s | target MB (0: none)
rows_table=(
  "default|all types, default options|bench/compile_time_tu.cpp|-DGENWIRE_CT_STRICT=0|fast|8|400"
  "strict|+ the same with genwire::strict|bench/compile_time_tu.cpp|-DGENWIRE_CT_STRICT=1|slow|11|0"
  "one|one endpoint (FLORA list response)|bench/compile_time_one.cpp||fast|2|0"
  "extern|all types + strict, codecs extern (genwire::endpoints)|bench/compile_time_tu.cpp|-DGENWIRE_CT_STRICT=1 -DGENWIRE_CT_EXTERN=1|fast|0|0"
  "one-extern|one endpoint, codec extern (genwire::endpoints)|bench/compile_time_one.cpp|-DGENWIRE_CT_EXTERN=1|fast|0|0"
  "library|genwire::endpoints itself (once per build)|bench/compile_time_library.cpp||slow|0|0"
  "compact|all types, default options, GENWIRE_COMPACT_CODEC|bench/compile_time_tu.cpp|-DGENWIRE_CT_STRICT=0 -DGENWIRE_COMPACT_CODEC=1|fast|0|0"
  "one-compact|one endpoint, GENWIRE_COMPACT_CODEC|bench/compile_time_one.cpp|-DGENWIRE_COMPACT_CODEC=1|fast|0|0"
)
ROWS=${ROWS:-"default strict one extern one-extern library compact one-compact"}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| compiler | TU | runs | CPU s (median) | wall s (median) | wall s (min..max) | peak RSS MB (median) | object KB | target (CPU s, MB) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
status=0
for cxx in $CXX_LIST; do
  version=$("$cxx" --version | head -1)
  for row in "${rows_table[@]}"; do
    IFS='|' read -r name label source defines speed target_s target_mb <<<"$row"
    [[ " $ROWS " == *" $name "* ]] || continue
    n=$runs
    [[ $speed == slow ]] && n=$slow_runs
    ((n > 0)) || continue
    : >"$out/wall"; : >"$out/cpu"; : >"$out/rss"
    # shellcheck disable=SC2086  # $defines is a list of flags
    for ((i = 0; i < n; i++)); do
      if ! /usr/bin/time -v -o "$out/time.txt" "$cxx" $defines -std=c++20 -O2 -Wall -Wextra -Wpedantic -Werror \
        -I "$root/include" -c "$root/$source" -o "$out/tu.o" 2>"$out/err.txt"; then
        echo "compile_time: $cxx $defines $source failed:" >&2
        cat "$out/err.txt" >&2
        status=1
        continue 2
      fi
      # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:03.21"
      awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' \
        "$out/time.txt" >>"$out/wall"
      awk -F': ' '/User time \(seconds\)/ {u = $2} /System time \(seconds\)/ {s = $2} END {printf "%.2f\n", u + s}' \
        "$out/time.txt" >>"$out/cpu"
      awk -F': ' '/Maximum resident set size/ {printf "%.0f\n", $2 / 1024}' "$out/time.txt" >>"$out/rss"
    done
    wall=$(median <"$out/wall")
    lo=$(sort -g "$out/wall" | head -1)
    hi=$(sort -g "$out/wall" | tail -1)
    cpu=$(median <"$out/cpu")
    rss=$(median <"$out/rss")
    obj=$(($(stat -c %s "$out/tu.o") / 1024))
    met=$(awk -v c="$cpu" -v t="$target_s" -v m="$rss" -v tm="$target_mb" 'BEGIN {
      if (t == 0) { print "(no target)"; exit }
      v = (c <= t) ? "met" : sprintf("missed: %.1f× the %g s", c / t, t)
      if (tm > 0) v = v ((m <= tm) ? ", memory met" : sprintf(", memory missed: %d > %d MB", m, tm))
      print v }')
    echo "| $version | $label | $n | $cpu | $wall | $lo..$hi | $rss | $obj | $met |"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
