#!/usr/bin/env bash
# Measures how long `./parking start` takes from a cold build and from a warm one, and the
# resident memory (RSS) of the running platform: Kafka plus the six services.
#
#   bench/startup.sh          cold = fresh clone of HEAD and an empty Maven repository
#   bench/startup.sh --warm   only the warm start, from this checkout's built jars
#
# The cold run downloads every dependency from Maven Central (about 700 MB), so it measures
# the network too. Work files go to run/bench. Uses the default ports: stop a running
# platform first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/run/bench"
COMPONENTS=(kafka booking-service availability-service payment-service notification-service iot-gateway api-gateway)

# Prints each component's resident memory and the total, in MiB.
report_memory() {
  local project=$1 total=0 component pid rss
  for component in "${COMPONENTS[@]}"; do
    pid=$(cat "$project/run/pids/$component.pid")
    rss=$(ps -o rss= -p "$pid" | tr -d ' ')
    total=$((total + rss))
    printf '  %-22s %5d MiB\n' "$component" $((rss / 1024))
  done
  printf '  %-22s %5d MiB\n' total $((total / 1024))
}

# Runs `./parking start` in the given checkout and prints its wall time, then the memory.
timed_start() {
  local project=$1 label=$2 started elapsed
  started=$(date +%s.%N)
  (cd "$project" && ./parking start >"$BENCH_DIR/$label.out" 2>&1) \
    || { tail -n 20 "$BENCH_DIR/$label.out"; exit 1; }
  elapsed=$(echo "$(date +%s.%N) - $started" | bc)
  printf '%s start: %.1f s\n' "$label" "$elapsed"
  sleep 10 # let the services finish their start-up work before reading memory
  report_memory "$project"
}

mkdir -p "$BENCH_DIR"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
echo "java: $(ls -d /usr/lib/jvm/*/ | xargs -n1 basename | tr '\n' ' ')"

if [ "${1:-}" = "--warm" ]; then
  "$ROOT/parking" stop >/dev/null
  timed_start "$ROOT" warm
  "$ROOT/parking" stop >/dev/null
  exit 0
fi

clone="$BENCH_DIR/clone"
rm -rf "$clone" "$BENCH_DIR/m2"
git clone -q "$ROOT" "$clone"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$BENCH_DIR/m2"
timed_start "$clone" cold
"$clone/parking" stop >/dev/null
timed_start "$clone" warm
"$clone/parking" stop >/dev/null
