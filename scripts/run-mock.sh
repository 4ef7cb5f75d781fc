#!/usr/bin/env bash
# THE main job: build and run the genwire mock server (default: http://127.0.0.1:8080).
#
#   bash scripts/run-mock.sh [mock server arguments...]
#
# Installs missing Debian 12 packages first (scripts/deps.sh build).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh build

cmake --preset default >&2
# Build just the server when it exists; otherwise everything (cheap, and
# surfaces build errors before the "not found" message below).
if ninja -C build/default -t targets all 2>/dev/null | grep -q '^genwire-mock:'; then
  cmake --build --preset default -j2 --target genwire-mock >&2
else
  cmake --build --preset default -j2 >&2
fi

bin=build/default/mock_server/genwire-mock
if [[ ! -x "$bin" ]]; then
  echo "run-mock: $bin was not built: the mock server (mock_server/) is not in this tree yet." >&2
  exit 1
fi
exec "$bin" "$@"
