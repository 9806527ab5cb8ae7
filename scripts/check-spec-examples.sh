#!/usr/bin/env bash
# Serves the production build on a fresh embedded database with the demo data and replays the spec's
# usage examples against it with httpx, as the spec writes them (scripts/spec_examples.py).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c "import httpx" 2>/dev/null; then
  python3 -m pip install --quiet httpx || { echo "httpx cannot be installed here: skipping the httpx replay."; exit 0; }
fi

port="${SPEC_PORT:-3400}"
data_dir=".data/pglite-spec-$port"
rm -rf "$data_dir"
node scripts/build-if-needed.mjs
env -u DATABASE_URL PGLITE_DATA_DIR="$data_dir" NEXT_TELEMETRY_DISABLED=1 \
  node node_modules/next/dist/bin/next start -p "$port" -H 127.0.0.1 >"/tmp/spec-server-$port.log" 2>&1 &
server=$!
stop_server() {
  local status=$?
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data_dir"
  exit "$status"
}
trap stop_server EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/segments/health" >/dev/null && break
  sleep 1
done
BASE_URL="http://127.0.0.1:$port" python3 scripts/spec_examples.py
