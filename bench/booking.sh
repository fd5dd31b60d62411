#!/usr/bin/env bash
# Booking throughput through the gateway beside raw PostgreSQL running the same transaction,
# and optimistic against pessimistic locking with a 200 ms payment step.
#
#   bench/booking.sh [seconds per run, default 20]
#
# Starts its own platform (bench/platform.sh) and stops it afterwards, so it can run beside
# a platform on the default ports. Needs pgbench (PostgreSQL's package).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-20}"
WORK="$ROOT/run/bench-booking"
# Clients of the gateway and of the pgbench runs. The platform's three database services
# keep up to 30 connections; 50 more stay below PostgreSQL's default limit of 100.
GATEWAY_CLIENTS="${GATEWAY_CLIENTS:-16}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-16}"
LOCK_CLIENTS="${LOCK_CLIENTS:-50}"

# shellcheck source=bench/platform.sh
source "$ROOT/bench/platform.sh"
PSQL=("${BENCH_PSQL[@]}")
mkdir -p "$WORK"
echo "$(bench_machine); $(psql --version)"
bench_platform_start "$WORK/start.out"
JAVA=$BENCH_JAVA
GATEWAY=$BENCH_GATEWAY

spot_range=$("${PSQL[@]}" -d "$PARKING_DB_NAME" -c "SELECT min(spot_id) || ' ' || max(spot_id) FROM booking.spots")
read -r first_spot last_spot <<<"$spot_range"

# pgbench takes its transaction from a file; each run counts the bookings it inserted.
write_script() { # name body
  printf '%s\n' "$2" >"$WORK/$1.sql"
}
booking_values="gen_random_uuid(), :sid, :user, now() + (:h || ' hours')::interval, now() + ((:h + 1) || ' hours')::interval, 'reserved', now()"
booking_columns="booking_id, spot_id, user_id, start_time, end_time, status, created_at"

# The booking service's transaction: read the spot's version, guarded update, insert. A
# window that overlaps a live booking is skipped (ON CONFLICT DO NOTHING) where the service
# would return 409.
write_script optimistic "\\set sid random(:first, :last)
\\set h random(24, 1944)
BEGIN;
SELECT version AS v FROM booking.spots WHERE spot_id = :sid \\gset
WITH guarded AS (
  UPDATE booking.spots SET version = version + 1 WHERE spot_id = :sid AND version = :v RETURNING spot_id)
INSERT INTO booking.bookings ($booking_columns) SELECT $booking_values FROM guarded ON CONFLICT DO NOTHING;
COMMIT;"

# The same, then the 200 ms payment step after the commit, as the platform places its hold.
write_script optimistic-payment "$(cat "$WORK/optimistic.sql")
\\sleep 200 ms"

# Pessimistic: lock the spot row, do the 200 ms payment step while holding it, then write.
write_script pessimistic-payment "\\set sid random(:first, :last)
\\set h random(24, 1944)
BEGIN;
SELECT version FROM booking.spots WHERE spot_id = :sid FOR UPDATE;
\\sleep 200 ms
UPDATE booking.spots SET version = version + 1 WHERE spot_id = :sid;
INSERT INTO booking.bookings ($booking_columns) VALUES ($booking_values) ON CONFLICT DO NOTHING;
COMMIT;"

# Runs one pgbench script and prints "<bookings per second> <average latency ms>".
run_pgbench() { # script clients first last user
  local out created
  out=$(pgbench -h 127.0.0.1 -U postgres -n -f "$WORK/$1.sql" -c "$2" -j 2 -T "$SECONDS_PER_RUN" \
    -D first="$3" -D last="$4" -D user="'$5'" "$PARKING_DB_NAME" 2>&1) \
    || { echo "$out" >&2; exit 1; }
  created=$("${PSQL[@]}" -d "$PARKING_DB_NAME" -c "SELECT count(*) FROM booking.bookings WHERE user_id = '$5'")
  printf '%s %s\n' \
    "$(echo "scale=1; $created / $SECONDS_PER_RUN" | bc)" \
    "$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')"
}

echo
echo "== booking throughput, ${SECONDS_PER_RUN} s per run =="
"$JAVA" -cp "$BENCH_TOKEN_CP" "$ROOT/bench/HttpLoad.java" book "$GATEWAY" "$first_spot" "$last_spot" \
  "$GATEWAY_CLIENTS" "$SECONDS_PER_RUN" | tee "$WORK/gateway.out"
gateway_rate=$(sed -n 's/^gateway bookings: \([0-9]*\) succeeded\/s.*/\1/p' "$WORK/gateway.out")
read -r raw_rate raw_latency < <(run_pgbench optimistic "$PGBENCH_CLIENTS" "$first_spot" "$last_spot" raw)
echo "raw PostgreSQL (pgbench, $PGBENCH_CLIENTS clients): $raw_rate bookings/s, average latency $raw_latency ms"
echo "gateway / raw PostgreSQL: $(echo "scale=3; $gateway_rate / $raw_rate" | bc)"

echo
echo "== optimistic against pessimistic locking, 200 ms payment step, $LOCK_CLIENTS clients =="
echo "| locking | spots | bookings/s | average latency ms |"
echo "|---|---|---|---|"
for spots in one 500; do
  last=$last_spot
  [ "$spots" = one ] && last=$first_spot
  read -r rate latency < <(run_pgbench pessimistic-payment "$LOCK_CLIENTS" "$first_spot" "$last" "pess-$spots")
  echo "| pessimistic (FOR UPDATE across the payment) | $spots | $rate | $latency |"
  read -r rate latency < <(run_pgbench optimistic-payment "$LOCK_CLIENTS" "$first_spot" "$last" "opt-$spots")
  echo "| optimistic (guarded update, payment after commit) | $spots | $rate | $latency |"
done
echo "(arithmetic: a row lock held for 200 ms admits at most 5 bookings per second per spot)"
