#!/usr/bin/env bash
# The mock under hostile and greedy clients, full size: 1000 connections that trickle one header
# line a second and never finish, 2000 idle keep-alive connections, and honest clients measured
# meanwhile (bench/hostile_clients.hpp). Prints the honest clients' latencies and failures, the
# mock's connection counters (GET /__admin/stats) and its peak RSS. Bounded: it stops by itself.
#
#   bash bench/hostile_load.sh [--seconds S] [--trickling N] [--idle N]     (needs the bench preset built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GENWIRE_BENCH_BUILD:-build/bench}
mock="$build/mock_server/genwire-mock"
load="$build/bench/genwire-hostile-load"
[[ -x "$mock" && -x "$load" ]] || { echo "hostile_load: build the bench preset first (cmake --preset bench && cmake --build --preset bench)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

out=$(mktemp)
"$mock" --port 0 --quiet --header-timeout-ms 10000 >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$out" && break; sleep 0.05; done
port=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\).*|\1|p' "$out" | head -n 1)
[[ -n "$port" ]] || { echo "hostile_load: the mock did not start:"; cat "$out"; exit 1; } >&2

echo "==> genwire-mock pid $pid on port $port; $(nproc) CPUs; $(uname -srm)"
rc=0
"$load" --port "$port" "$@" || rc=$?
echo "==> GET /__admin/stats"
curl -s "http://127.0.0.1:$port/__admin/stats"; echo
echo "==> peak RSS: $(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
exit "$rc"
