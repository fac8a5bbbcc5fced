#!/usr/bin/env bash
# Measures how a login flood affects an ordinary authenticated read (GET /api/v1/auth/me).
#
# Starts bootstrap/target/evo-ai.jar on a free loopback port with its own embedded PostgreSQL in a temporary
# EVO_DATA_DIR, signs in once, then runs wrk twice against 127.0.0.1 only:
#   1. baseline: the read alone, READ_CONNECTIONS connections for DURATION;
#   2. flood:    the same read while FLOOD_CONNECTIONS connections post wrong-password logins for DURATION.
# Both runs follow a 10-second warm-up. Prints both p99 latencies of the read, their ratio, and the request
# counts of the flood (its 401 and 429 responses all count as non-2xx).
#
# Needs: java 17+, wrk, curl, jq. Build the jar first: mvn -q -DskipTests package
# Usage: bench/login-flood.sh [DURATION_SECONDS] [FLOOD_CONNECTIONS]
set -euo pipefail

DURATION="${1:-20}"
FLOOD_CONNECTIONS="${2:-64}"
READ_CONNECTIONS=4
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/bootstrap/target/evo-ai.jar"
WORK="$(mktemp -d /tmp/evo-bench-XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
ADMIN_EMAIL="bench-admin@example.test"
ADMIN_PASSWORD="bench admin passphrase of some length"

for tool in java wrk curl jq; do
  command -v "$tool" > /dev/null || { echo "missing $tool; install it first (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "missing $JAR; run: mvn -q -DskipTests package" >&2; exit 1; }

cleanup() {
  if [ -n "${SERVICE_PID:-}" ]; then
    kill "$SERVICE_PID" 2> /dev/null || true
    wait "$SERVICE_PID" 2> /dev/null || true
  fi
  if [ "${KEEP_WORK:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

EVO_HTTP_HOST=127.0.0.1 EVO_HTTP_PORT="$PORT" EVO_DATA_DIR="$WORK/data" EVO_PUBLIC_URL="$BASE" \
  EVO_ADMIN_EMAIL="$ADMIN_EMAIL" EVO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 1 120); do
  if curl -sf "$BASE/health/ready" > /dev/null 2>&1; then break; fi
  sleep 1
done
curl -sf "$BASE/health/ready" > /dev/null || { echo "service did not become ready; log: $WORK/service.log" >&2; exit 1; }

TOKEN="$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .access_token)"

cat > "$WORK/read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
cat > "$WORK/flood.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"nobody@example.test","password":"a wrong password guess"}'
statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
LUA

p99_ms() {
  # wrk --latency prints lines such as "     99%   12.34ms"; convert us/ms/s to milliseconds.
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } }' "$1"
}

# Warm-up: lets the JIT compile the read and login paths before anything is measured.
wrk -t2 -c"$READ_CONNECTIONS" -d5s -s "$WORK/read.lua" "$BASE/api/v1/auth/me" > /dev/null
wrk -t2 -c2 -d5s -s "$WORK/flood.lua" "$BASE/api/v1/auth/login" > /dev/null
wrk -t2 -c"$READ_CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/read.lua" "$BASE/api/v1/auth/me" > "$WORK/baseline.txt"

wrk -t2 -c"$FLOOD_CONNECTIONS" -d"$((DURATION + 4))s" -s "$WORK/flood.lua" "$BASE/api/v1/auth/login" > "$WORK/flood.txt" &
FLOOD_PID=$!
sleep 2
wrk -t2 -c"$READ_CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/read.lua" "$BASE/api/v1/auth/me" > "$WORK/during.txt"
wait "$FLOOD_PID"

BASELINE="$(p99_ms "$WORK/baseline.txt")"
DURING="$(p99_ms "$WORK/during.txt")"
echo "== read alone"; grep -E "Requests/sec|Non-2xx|99%" "$WORK/baseline.txt"
echo "== read during the login flood"; grep -E "Requests/sec|Non-2xx|99%" "$WORK/during.txt"
echo "== login flood ($FLOOD_CONNECTIONS connections)"; grep -E "requests in|Requests/sec|Non-2xx" "$WORK/flood.txt"
echo "login responses with 429 in the service log window: $(grep -c 'Rejected a password-hashing request' "$WORK/service.log" || true) log lines (one per 1000 rejections)"
echo "p99 read alone: ${BASELINE} ms; p99 read during flood: ${DURING} ms; ratio: $(awk -v a="$DURING" -v b="$BASELINE" 'BEGIN { printf "%.2f", a / b }')"
echo "processors: $(nproc); java: $(java -version 2>&1 | head -1)"
