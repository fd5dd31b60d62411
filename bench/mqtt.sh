#!/usr/bin/env bash
# Sensor ingest: readings per second from MQTT through the IoT gateway to Redis and Kafka,
# with the delay from publish to the gateway's sensor event, against raw Paho QoS 1 through
# the same Mosquitto in the same run, as a ratio.
#
#   bench/mqtt.sh [readings per spot, default 20]
#
# Starts its own Mosquitto on port 11883 and its own platform (bench/platform.sh) on it, with
# the gateway's debounce off: the run flips each spot between occupied and free, and a
# debounced flip is not applied by design. The private broker queues up to a million QoS 1
# messages per client; Mosquitto's default of 1000 drops messages for a subscriber that
# falls behind, which would measure the drops instead of the throughput.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
READINGS_PER_SPOT="${1:-20}"
RAW_MESSAGES="${RAW_MESSAGES:-20000}"
WORK="$ROOT/run/bench-mqtt"
export SENSOR_DEBOUNCE=0s

MQTT_PORT=11883
mkdir -p "$WORK"
cat >"$WORK/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
max_inflight_messages 100
CONF
# Mosquitto started as root switches to the mosquitto user unless its configuration
# contains "user root".
[ "$(id -u)" -eq 0 ] && echo "user root" >>"$WORK/mosquitto.conf"
mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
broker_pid=$!
bench_extra_cleanup() { kill "$broker_pid" 2>/dev/null || true; }
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$MQTT_PORT") 2>/dev/null && break
  sleep 0.1
done
export MQTT_HOST=127.0.0.1 MQTT_PORT

# shellcheck source=bench/platform.sh
source "$ROOT/bench/platform.sh"
echo "$(bench_machine); $(mosquitto -h 2>/dev/null | head -n 1)"
bench_platform_start "$WORK/start.out"

tool() {
  "$BENCH_JAVA" -Dloader.main=io.parking.simulator.IngestBenchmark \
    -cp "$ROOT/sensor-simulator/target/sensor-simulator-0.1.0-SNAPSHOT.jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

spot_range=$("${BENCH_PSQL[@]}" -d "$PARKING_DB_NAME" \
  -c "SELECT min(spot_id) || ' ' || max(spot_id) FROM booking.spots")
read -r first_spot last_spot <<<"$spot_range"

echo
tool raw "tcp://127.0.0.1:$MQTT_PORT" "$RAW_MESSAGES" | tee "$WORK/raw.out"
tool ingest "tcp://127.0.0.1:$MQTT_PORT" "$MQTT_TOPIC_ROOT" "127.0.0.1:$KAFKA_PORT" "$BENCH_LOT" \
  "$first_spot" "$last_spot" "$READINGS_PER_SPOT" | tee "$WORK/ingest.out"
raw_rate=$(sed -n 's/.* \([0-9]*\) msg\/s.*/\1/p' "$WORK/raw.out")
ingest_rate=$(sed -n 's/.* \([0-9]*\) readings\/s.*/\1/p' "$WORK/ingest.out")
echo "ingest / raw Paho QoS 1: $(echo "scale=3; $ingest_rate / $raw_rate" | bc)"
