#!/usr/bin/env bash
# Prints the markdown table of a smoke or campaign run from its per-target logs:
#   bash fuzz/campaign_table.sh build/fuzz/campaign [more run directories; a later one wins per target]
set -euo pipefail
(( $# > 0 )) || { echo "usage: $0 RUN_DIR..." >&2; exit 2; }
declare -A row=()
for run in "$@"; do
  for log in "$run"/*/log; do
    [[ -f "$log" ]] || continue
    dir=$(dirname "$log"); t=$(basename "$dir")
    rc=$(cat "$dir/rc" 2>/dev/null || echo running)
    stat() { awk -v k="stat::$1:" '$1 == k { print $2 }' "$log"; }
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
    # The last status line: "#N ... cov: C ft: F corp: U/SIZE ..."
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last"); corp=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$last")
    case $rc in
      0) verdict=none ;;
      running) verdict="(still running)" ;;
      *) verdict="exit $rc: $(ls "$dir/artifacts" 2>/dev/null | head -1)" ;;
    esac
    row[$t]="| \`$t\` | ${secs:-?} | $(stat number_of_executed_units) | $(stat average_exec_per_sec) | ${cov:-?} | ${corp:-?} | $(stat peak_rss_mb) | $verdict |"
  done
done
echo "| target | seconds | executions | exec/s | edges covered | corpus units | peak RSS MB | findings |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for t in $(printf '%s\n' "${!row[@]}" | sort); do echo "${row[$t]}"; done
