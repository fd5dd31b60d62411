# Sourced by the benchmark scripts: starts a separate platform with ./parking on its own
# ports (18080-18085, 19092-19093), database parking_bench, Redis prefix bench: and MQTT root
# bench/parking, so that a benchmark can run beside a platform on the default ports.
# Defines BENCH_GATEWAY, BENCH_JAVA, BENCH_LOT and BENCH_TOKEN_CP (the class path of the
# development token issuer), and stops and drops everything on exit.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PARKING_RUN_DIR="$BENCH_ROOT/run/bench-platform"
export PARKING_DB_NAME=parking_bench
export REDIS_KEY_PREFIX="bench:"
export MQTT_TOPIC_ROOT="bench/parking"
export MQTT_CLIENT_ID="iot-gateway-bench"
export GATEWAY_PORT=18080 BOOKING_PORT=18081 AVAILABILITY_PORT=18082 PAYMENT_PORT=18083
export NOTIFICATION_PORT=18084 IOT_PORT=18085 KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093
unset DB_URL KAFKA_BOOTSTRAP_SERVERS
# The load generators send far more than one driver or address may in production, so the
# gateway's rate limits are raised out of the way. Each request still passes the limiter.
export GATEWAY_RATE_LIMIT_WRITES_PER_SECOND=100000 GATEWAY_RATE_LIMIT_WRITES_BURST=100000
export GATEWAY_RATE_LIMIT_ANONYMOUS_READS_PER_SECOND=100000
export GATEWAY_RATE_LIMIT_ANONYMOUS_READS_BURST=100000

BENCH_PSQL=(psql -h 127.0.0.1 -U postgres -qtA -v ON_ERROR_STOP=1)
BENCH_GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
BENCH_TOKEN_CP="$BENCH_ROOT/service-support/target/service-support-0.1.0-SNAPSHOT.jar:$BENCH_ROOT/service-support/target/token-command-libs/*"

# Stops the platform and removes its database and Redis keys.
bench_platform_clear() {
  "$BENCH_ROOT/parking" stop >/dev/null 2>&1 || true
  "${BENCH_PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PARKING_DB_NAME WITH (FORCE)" \
    >/dev/null 2>&1 || true
  redis-cli --scan --pattern 'bench:*' | xargs -r redis-cli del >/dev/null || true
}

bench_platform_cleanup() {
  bench_platform_clear
  # A benchmark that started servers of its own defines bench_extra_cleanup to stop them.
  if declare -F bench_extra_cleanup >/dev/null; then
    bench_extra_cleanup
  fi
}

# Starts the platform; its output goes to $1.
bench_platform_start() {
  trap bench_platform_cleanup EXIT
  rm -rf "$PARKING_RUN_DIR"
  bench_platform_clear
  "$BENCH_ROOT/parking" start >"$1" 2>&1 || { tail -n 20 "$1"; exit 1; }
  BENCH_JAVA="$(sed -n 's/.*java: //p' "$1" | head -n 1)/bin/java"
  BENCH_LOT=$(sed -n 's/.*City Mall is lot \([0-9]*\)\..*/\1/p' "$1")
}

bench_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
}
