#!/usr/bin/env bash
# bench/callgrind_ratios.sh: instructions per payload byte of genwire and of the peers each target
# names, counted by valgrind --tool=callgrind on genwire-codec-profile (the loop alone). Instruction
# counts do not move with the machine's load, so this is the stable companion of the MB/s tables;
# they are not times (SIMD code such as simdjson's retires fewer, wider instructions per byte).
#
#   bash bench/callgrind_ratios.sh [BUILD_DIR] [N]     (default build/bench, 10 loops per count)
#
# Also keeps one callgrind profile per genwire operation in BUILD_DIR/callgrind/ for
# callgrind_annotate (see bench/README.md).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build/bench}
n=${2:-10}
prof="$build/bench/genwire-codec-profile"
[[ -x $prof ]] || cmake --build "$build" -j2 --target genwire-codec-profile >&2
command -v valgrind >/dev/null || { echo "callgrind_ratios: needs valgrind (Debian package valgrind)" >&2; exit 1; }
mkdir -p "$build/callgrind"

# ir OP LIB PAYLOAD -> instructions per byte
ir() {
  local out="$build/callgrind/$1.$2.${3//\//_}.out"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" "$prof" "$1" "$2" "$3" "$n" >/dev/null 2>&1
  local bytes total
  bytes=$("$prof" list | awk -v p="$3" '$1 == p {print $2}')
  total=$(awk '/^totals:/ {print $2}' "$out")
  awk -v t="$total" -v b="$bytes" -v n="$n" 'BEGIN {printf "%.1f", t / (b * n)}'
}

payloads=$("$prof" list | awk '$1 ~ /\/(100|1000)$/ {print $1}')
echo "instructions per byte (callgrind, $n loops; ratio = peer / genwire, so > 1 means genwire executes fewer)"
echo
echo "| payload | decode genwire | simdjson | ratio | nlohmann | ratio | encode genwire | rapidjson | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for p in $payloads; do
  gd=$(ir decode genwire "$p")
  sd=$(ir decode simdjson "$p")
  nd=$(ir decode nlohmann "$p")
  ge=$(ir encode genwire "$p")
  re=$(ir encode rapidjson "$p")
  r() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
  echo "| $p | $gd | $sd | $(r "$sd" "$gd") | $nd | $(r "$nd" "$gd") | $ge | $re | $(r "$re" "$ge") |"
done
