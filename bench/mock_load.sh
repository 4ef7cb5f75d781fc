#!/usr/bin/env bash
# bench/mock_load.sh: genwire-mock against a bare cpp-httplib server (bench/bare_server.cpp) that
# answers the very same bytes with the same socket settings, both driven by wrk on loopback with
# identical parameters, one at a time, alternating for ROUNDS rounds. Prints requests/s, p50/p99
# latency and peak RSS (VmHWM) of each, and their ratio. Targets: mock >= 0.9x the bare server's
# requests/s with the journal on, p99 < 2 ms, peak RSS < 32 MB.
#
#   bash bench/mock_load.sh [BUILD_DIR]       (default build/bench; built with the bench preset if missing)
#
# Environment (defaults in brackets): DURATION [10s], WARMUP [2s], ROUNDS [3], CONNECTIONS [16], THREADS [1]
# (wrk threads), PORT_BASE [18180], SCENARIOS ["flora diffio"], GENWIRE_SKIP_DEPS=1 to skip the
# package check. Only 127.0.0.1 is ever contacted; every wrk run is bounded by DURATION.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build/bench}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
PORT_BASE=${PORT_BASE:-18180}
SCENARIOS=${SCENARIOS:-flora diffio}

bash "$root/scripts/deps.sh" bench >&2
command -v curl >/dev/null || { echo "mock_load: needs curl" >&2; exit 1; }

mock="$build/mock_server/genwire-mock"
bare="$build/bench/genwire-bare-server"
if [[ ! -x $mock || ! -x $bare ]]; then
  [[ -f $build/CMakeCache.txt ]] || (cd "$root" && cmake --preset bench -B "$build" >&2)
  cmake --build "$build" -j2 --target genwire-mock genwire-bare-server >&2
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_port() {  # until something answers on the port (at most ~5 s)
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.1
  done
  echo "mock_load: nothing listening on port $1" >&2
  return 1
}

to_ms() {  # wrk's "123.45us" / "1.23ms" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

verdict() { if [[ $1 == 1 ]]; then echo "$2"; else echo "$3"; fi; }

hwm_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# run_wrk PORT ARGS... -> "req_per_s p50_ms p99_ms errors"
run_wrk() {
  local port=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "http://127.0.0.1:$port$path" >"$work/wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")
  # "Non-2xx or 3xx responses: N" and "Socket errors: connect A, read B, write C, timeout D"
  errors=$(awk '/Non-2xx/ {e += $NF} /Socket errors/ {gsub(/,/, ""); e += $4 + $6 + $8 + $10} END {print e + 0}' "$work/wrk.txt")
  echo "$rps $p50 $p99 $errors"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (each after a $WARMUP warm-up), 127.0.0.1, one server at a time,"
echo "$ROUNDS rounds alternating mock and bare; per server the round with the median requests/s; errors summed over rounds"
echo
echo "| scenario | body bytes | server | requests/s | p50 ms | p99 ms | errors | peak RSS MB (VmHWM) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
summary=()
port=$PORT_BASE
status=0
for scenario in $SCENARIOS; do
  case $scenario in
    flora)  # GET with a bearer key: the documented FLORA page
      path="/api/v1/generations?limit=20"
      wrk_args=(-H "Authorization: Bearer gw_test_read")
      curl_args=(-H "Authorization: Bearer gw_test_read")
      ;;
    diffio)  # POST with a JSON body: the documented Diffio list
      path="/v1/list_project_generations"
      cat >"$work/post.lua" <<'EOF'
wrk.method = "POST"
wrk.body = '{"apiProjectId":"proj-123"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "gw_test_read"
EOF
      wrk_args=(-s "$work/post.lua")
      curl_args=(-X POST -H "Content-Type: application/json" -H "X-Api-Key: gw_test_read" -d '{"apiProjectId":"proj-123"}')
      ;;
    *) echo "mock_load: unknown scenario $scenario (flora, diffio)" >&2; exit 2 ;;
  esac

  mock_port=$port bare_port=$((port + 1))
  port=$((port + 2))
  # The journal is on (its default, 1000 requests kept); --quiet only silences the per-request log line.
  "$mock" --port "$mock_port" --journal 1000 --quiet >"$work/mock.log" 2>&1 &
  mock_pid=$!
  pids+=("$mock_pid")
  wait_port "$mock_port"

  # What the mock answers, captured once: the bare server replays these bytes and headers.
  curl -s -D "$work/headers.txt" -o "$work/body.json" "${curl_args[@]}" "http://127.0.0.1:$mock_port$path"
  content_type=$(awk -F': ' 'tolower($1) == "content-type" {sub(/\r$/, "", $2); print $2}' "$work/headers.txt")
  extra=()
  while IFS= read -r h; do extra+=(--header "$h"); done < <(
    tr -d '\r' <"$work/headers.txt" |
      awk -F': ' 'NR > 1 && NF > 1 && tolower($1) !~ /^(content-type|content-length|keep-alive|connection)$/')
  "$bare" --port "$bare_port" --body "$work/body.json" --content-type "$content_type" "${extra[@]}" >"$work/bare.log" 2>&1 &
  bare_pid=$!
  pids+=("$bare_pid")
  wait_port "$bare_port"
  curl -s -o "$work/bare_body.json" "${curl_args[@]}" "http://127.0.0.1:$bare_port$path"
  if ! cmp -s "$work/body.json" "$work/bare_body.json"; then
    echo "mock_load: the bare server does not answer the mock's bytes for $scenario" >&2
    exit 1
  fi
  bytes=$(stat -c %s "$work/body.json")

  # ROUNDS rounds, mock and bare alternating, so a burst of other load hits both alike; each
  # server's round with the median requests/s stands for it (its latencies come from that round).
  : >"$work/mock.rounds"; : >"$work/bare.rounds"
  for ((round = 0; round < ROUNDS; round++)); do
    run_wrk "$mock_port" "${wrk_args[@]}" >>"$work/mock.rounds"
    run_wrk "$bare_port" "${wrk_args[@]}" >>"$work/bare.rounds"
  done
  read -r m_rps m_p50 m_p99 m_err < <(sort -g "$work/mock.rounds" | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)')
  read -r b_rps b_p50 b_p99 b_err < <(sort -g "$work/bare.rounds" | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)')
  m_err=$(awk '{e += $4} END {print e + 0}' "$work/mock.rounds")
  b_err=$(awk '{e += $4} END {print e + 0}' "$work/bare.rounds")
  m_rss=$(hwm_mb "$mock_pid")
  b_rss=$(hwm_mb "$bare_pid")
  journaled=$(curl -s "http://127.0.0.1:$mock_port/__admin/requests" | grep -o '"status"' | wc -l)

  echo "| $scenario | $bytes | genwire-mock (journal on, $journaled kept) | $m_rps | $m_p50 | $m_p99 | $m_err | $m_rss |"
  echo "| $scenario | $bytes | genwire-bare-server | $b_rps | $b_p50 | $b_p99 | $b_err | $b_rss |"
  ratio=$(awk -v m="$m_rps" -v b="$b_rps" 'BEGIN {printf "%.2f", m / b}')
  summary+=("| $scenario | ${ratio}×: $(verdict "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.9)}')" met missed) | ${m_p99} ms: $(verdict "$(awk -v p="$m_p99" 'BEGIN {print (p < 2)}')" met missed) | ${m_rss} MB: $(verdict "$(awk -v r="$m_rss" 'BEGIN {print (r < 32)}')" met missed) |")
  [[ $m_err == 0 && $b_err == 0 ]] || status=1

  kill "$mock_pid" "$bare_pid"
  wait "$mock_pid" "$bare_pid" 2>/dev/null || true
  pids=()
done

echo
echo "| scenario | mock / bare requests/s (target ≥ 0.9×) | mock p99 (target < 2 ms) | mock peak RSS (target < 32 MB) |"
echo "|---|---:|---|---|"
printf '%s\n' "${summary[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
