#!/usr/bin/env bash
# Runs each load scenario twice against the same PostgreSQL database: with wrk through the service's HTTP API,
# then with pgbench executing the same SQL statements directly. Every run is bounded by DURATION seconds.
# Prints one table row per scenario: requests/s, p50 and p99 in milliseconds for both, their ratio, and the
# service's resident memory after the run.
#
# Requires: a running service on 127.0.0.1 whose database was loaded by the data generator, wrk, pgbench,
# curl and python3. Settings, by environment variable:
#   EVO_URL        base URL of the service (default http://127.0.0.1:8080); must be a loopback address
#   EVO_PID        process id of the service, for its resident memory
#   EVO_ADMIN_EMAIL, EVO_ADMIN_PASSWORD   the admin account used for the bearer token
#   PGURL          libpq connection string of the same database, e.g. postgresql://evo@127.0.0.1:55432/evo_bench
#   DURATION       seconds per run (default 30); CONNECTIONS (default 10) for both tools
#   SCENARIOS      space-separated subset of: agent-by-id history-page append-conversation create-agent
#   PGBENCH_ONLY   scenarios to run with pgbench alone, for routes the service build does not serve
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
export BENCH_DIR
EVO_URL="${EVO_URL:-http://127.0.0.1:8080}"
DURATION="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-10}"
SCENARIOS="${SCENARIOS:-agent-by-id history-page append-conversation create-agent}"
: "${EVO_PID:?set EVO_PID to the service process id}"
: "${PGURL:?set PGURL to the database connection string}"
: "${EVO_ADMIN_PASSWORD:?set EVO_ADMIN_PASSWORD}"
EVO_ADMIN_EMAIL="${EVO_ADMIN_EMAIL:-admin@evo.local}"

case "$EVO_URL" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "EVO_URL must point at 127.0.0.1 or localhost, got $EVO_URL" >&2; exit 2 ;;
esac

OUT="${OUT:-$(mktemp -d /tmp/evo-bench.XXXXXX)}"
mkdir -p "$OUT"

EVO_TOKEN="$(curl -sf -X POST "$EVO_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EVO_ADMIN_EMAIL\",\"password\":\"$EVO_ADMIN_PASSWORD\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
export EVO_TOKEN

# Prints "requests/s p50_ms p99_ms" from wrk's --latency output.
wrk_figures() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", text)
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {ms(*p50.groups()):.2f} {ms(*p99.groups()):.2f} {bad.group(1) if bad else 0}")
PY
}

# Prints "transactions/s p50_ms p99_ms" from pgbench's summary and its per-transaction log.
pgbench_figures() {
  python3 - "$1" "$2" <<'PY'
import glob, re, sys
text = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
latencies = []
for name in glob.glob(sys.argv[2] + "*"):
    for line in open(name):
        latencies.append(int(line.split()[2]) / 1000.0)
latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(f"{tps:.0f} {pct(0.50):.2f} {pct(0.99):.2f}")
PY
}

printf '| scenario | service req/s | service p50 ms | service p99 ms | non-2xx | pgbench tx/s | pgbench p50 ms | pgbench p99 ms | req/s ratio | p99 ratio | service RSS MiB |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for scenario in $SCENARIOS; do
  if [[ " ${PGBENCH_ONLY:-} " == *" $scenario "* ]]; then
    rm -f "$OUT/$scenario.pgbench-log"*
    pgbench -n -c"$CONNECTIONS" -j1 -T"$DURATION" -f "$BENCH_DIR/pgbench/$scenario.sql" \
      -l --log-prefix="$OUT/$scenario.pgbench-log" "$PGURL" > "$OUT/$scenario.pgbench.txt" 2>&1
    read -r p_tps p_p50 p_p99 <<< "$(pgbench_figures "$OUT/$scenario.pgbench.txt" "$OUT/$scenario.pgbench-log")"
    printf '| %s | n/a | n/a | n/a | n/a | %s | %s | %s | n/a | n/a | n/a |\n' "$scenario" "$p_tps" "$p_p50" "$p_p99"
    continue
  fi
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BENCH_DIR/wrk/$scenario.lua" "$EVO_URL" \
    > "$OUT/$scenario.wrk.txt" 2> "$OUT/$scenario.wrk.err"
  rss_kib="$(ps -o rss= -p "$EVO_PID" | tr -d ' ')"
  rm -f "$OUT/$scenario.pgbench-log"*
  pgbench -n -c"$CONNECTIONS" -j1 -T"$DURATION" -f "$BENCH_DIR/pgbench/$scenario.sql" \
    -l --log-prefix="$OUT/$scenario.pgbench-log" "$PGURL" > "$OUT/$scenario.pgbench.txt" 2>&1
  read -r s_rps s_p50 s_p99 s_bad <<< "$(wrk_figures "$OUT/$scenario.wrk.txt")"
  read -r p_tps p_p50 p_p99 <<< "$(pgbench_figures "$OUT/$scenario.pgbench.txt" "$OUT/$scenario.pgbench-log")"
  ratio_rps="$(python3 -c "print(f'{$s_rps / $p_tps:.2f}')")"
  ratio_p99="$(python3 -c "print(f'{$s_p99 / $p_p99:.2f}')")"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$scenario" "$s_rps" "$s_p50" "$s_p99" \
    "$s_bad" "$p_tps" "$p_p50" "$p_p99" "$ratio_rps" "$ratio_p99" "$((rss_kib / 1024))"
done
echo "raw output: $OUT" >&2
