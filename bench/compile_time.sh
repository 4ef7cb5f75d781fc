#!/usr/bin/env bash
# bench/compile_time.sh: wall time and peak memory of compiling bench/compile_time_tu.cpp (the whole
# library, every endpoint's request, response and error type decoded and encoded, default and
# with the default options) with g++ 12 and clang++ 14 at -O2, measured with /usr/bin/time -v.
# Target: < 5 s each. A second row per compiler adds the genwire::strict instantiations
# (-DGENWIRE_CT_STRICT=1), which a program that validates strictly also pays.
#
#   bash bench/compile_time.sh [RUNS [STRICT_RUNS]]   (defaults 3 and 1; the median is reported)
#
# Wall time is what the target is about; CPU time (user + sys) is shown beside it because it is
# far less disturbed by other load on the machine. Environment: CXX_LIST="g++-12 clang++-14" to
# choose the compilers; GENWIRE_SKIP_DEPS=1 to skip the package check. Prints a Markdown table;
# exits 1 if a compile fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-3}
strict_runs=${2:-1}
target_s=5

bash "$root/scripts/deps.sh" bench >&2  # /usr/bin/time is Debian's package `time`
[[ -x /usr/bin/time ]] || { echo "compile_time: needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }

pick() {  # the first of the given compiler names that exists
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 && { echo "$c"; return; }; done
}
if [[ -z "${CXX_LIST:-}" ]]; then
  CXX_LIST="$(pick g++-12 g++) $(pick clang++-14 clang++)"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=(-std=c++20 -O2 -Wall -Wextra -Wpedantic -Werror -I "$root/include" -c "$here/compile_time_tu.cpp" -o "$out/tu.o")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| compiler | TU | runs | wall s (median) | wall s (min..max) | CPU s (median) | peak RSS MB (median) | object KB | target < ${target_s} s wall |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
status=0
for cxx in $CXX_LIST; do
  version=$("$cxx" --version | head -1)
  for variant in default strict; do
    n=$runs define=-DGENWIRE_CT_STRICT=0
    [[ $variant == strict ]] && n=$strict_runs define=-DGENWIRE_CT_STRICT=1
    ((n > 0)) || continue
    : >"$out/wall"; : >"$out/cpu"; : >"$out/rss"
    for ((i = 0; i < n; i++)); do
      if ! /usr/bin/time -v -o "$out/time.txt" "$cxx" "$define" "${flags[@]}" 2>"$out/err.txt"; then
        echo "compile_time: $cxx $define failed:" >&2
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
    met=$(awk -v w="$wall" -v t="$target_s" 'BEGIN {print (w < t) ? "met" : sprintf("missed: %.1f× the target", w / t)}')
    tu="all types, default options"
    [[ $variant == strict ]] && tu="+ the same with genwire::strict"
    echo "| $version | $tu | $n | $wall | $lo..$hi | $cpu | $rss | $obj | $met |"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
