#!/usr/bin/env bash
# bench/callgrind_ratios.sh: instructions per payload byte of genwire and of the peers each target
# names, counted by valgrind --tool=callgrind on genwire-codec-profile (the loop alone). Instruction
# counts do not move with the machine's load, so this is the stable companion of the MB/s tables;
# they are not times (SIMD code such as simdjson's retires fewer, wider instructions per byte).
#
#   bash bench/callgrind_ratios.sh [BUILD_DIR] [N]     (default build/bench, 10 loops per count)
#
# With glaze built in (GENWIRE_GLAZE_INCLUDE_DIR), a second table sets each genwire column beside
# the glaze one doing the same job. Also keeps one callgrind profile per run in
# BUILD_DIR/callgrind/ for callgrind_annotate (see bench/README.md).
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
r() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

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
  echo "| $p | $gd | $sd | $(r "$sd" "$gd") | $nd | $(r "$nd" "$gd") | $ge | $re | $(r "$re" "$ge") |"
done

first=$(echo "$payloads" | head -1)
if "$prof" decode glaze "$first" 1 >/dev/null 2>&1; then
  echo
  echo "against glaze (instructions per byte; ratio = glaze / genwire, so >= 1 means genwire executes no more)"
  echo
  echo "| payload | decode genwire | glaze | ratio | genwire-strict | glaze-checked | ratio | genwire-reuse | glaze-reuse | ratio | genwire-strict-reuse | glaze-checked-reuse | ratio | encode genwire | glaze | ratio | genwire-fresh | ratio |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for p in $payloads; do
    row="| $p"
    for pair in "decode genwire glaze" "decode genwire-strict glaze-checked" "decode genwire-reuse glaze-reuse" \
                "decode genwire-strict-reuse glaze-checked-reuse" "encode genwire glaze"; do
      read -r op g z <<<"$pair"
      a=$(ir "$op" "$g" "$p")
      b=$(ir "$op" "$z" "$p")
      row="$row | $a | $b | $(r "$b" "$a")"
    done
    f=$(ir encode genwire-fresh "$p")
    row="$row | $f | $(r "$b" "$f") |"
    echo "$row"
  done
fi
