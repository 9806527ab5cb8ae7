#!/usr/bin/env bash
# Serves the production build on a fresh embedded database with the demo data and replays the spec's
# usage examples against it with httpx, as the spec writes them (scripts/spec_examples.py).
set -euo pipefail
cd "$(dirname "$0")/.."

# Without httpx the examples cannot be replayed, and a check that did not run must not pass: fail.
if ! python3 -c "import httpx" 2>/dev/null; then
  python3 -m pip install --quiet httpx 2>/dev/null ||
    { command -v apt-get >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-httpx >/dev/null; } ||
    true
  if ! python3 -c "import httpx" 2>/dev/null; then
    echo "httpx cannot be installed here (pip install httpx, or apt-get install python3-httpx): the spec's examples were not replayed." >&2
    exit 1
  fi
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
