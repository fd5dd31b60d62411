#!/usr/bin/env bash
# Availability reads through the gateway against redis-benchmark GET on the same Redis, in
# one run, as a ratio, with p50/p99 latency.
#
#   bench/availability.sh [seconds, default 20]
#
# Starts its own platform (bench/platform.sh) and stops it afterwards. A read of a lot's
# counts takes several Redis commands behind two HTTP hops (gateway, availability service).
# redis-benchmark measures a single GET with no HTTP in between.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-20}"
WORK="$ROOT/run/bench-availability"
CLIENTS="${CLIENTS:-50}"

# shellcheck source=bench/platform.sh
source "$ROOT/bench/platform.sh"
mkdir -p "$WORK"
echo "$(bench_machine); $(redis-server --version | cut -d' ' -f1-3)"
bench_platform_start "$WORK/start.out"

echo
echo "== availability reads, $CLIENTS clients, ${SECONDS_PER_RUN} s =="
"$BENCH_JAVA" -cp "$BENCH_TOKEN_CP" "$ROOT/bench/HttpLoad.java" read "$BENCH_GATEWAY" "$BENCH_LOT" "$CLIENTS" \
  "$SECONDS_PER_RUN" | tee "$WORK/gateway.out"
gateway_rate=$(sed -n 's/^gateway availability reads: \([0-9]*\) succeeded\/s.*/\1/p' "$WORK/gateway.out")

# redis-benchmark GET of its own key, with the same number of clients; -q prints
# "GET: <n> requests per second, p50=<ms> msec".
redis_out=$(redis-benchmark -c "$CLIENTS" -n 400000 -t get -q 2>&1 | tr '\r' '\n' | grep '^GET:' | tail -n 1)
redis_latency=$(redis-benchmark -c "$CLIENTS" -n 200000 -t get --csv 2>/dev/null | tail -n 1)
echo "redis-benchmark: $redis_out"
echo "redis-benchmark csv (test, rps, avg, min, p50, p95, p99, max ms): $redis_latency"
redis_rate=$(echo "$redis_out" | sed -n 's/^GET: \([0-9.]*\) requests per second.*/\1/p')
echo "gateway / redis-benchmark GET: $(echo "scale=4; $gateway_rate / $redis_rate" | bc)"
