package io.parking.booking.booking;

import static java.util.stream.Collectors.joining;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over live bookings (status {@code reserved} or {@code active}) that JPQL cannot express:
 * range overlap with {@code tstzrange}. These queries read the database, not the JPA persistence
 * context, so callers flush pending booking changes first.
 */
@Repository
class BookingQueries {

  /** Stands for "no booking to exclude" in the overlap query. */
  private static final UUID NO_BOOKING = new UUID(0, 0);

  private final JdbcClient jdbc;

  BookingQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Returns whether a live booking of the spot other than {@code excludedBookingId} overlaps the
   * half-open window [start, end).
   */
  boolean overlapsLiveBooking(long spotId, Instant start, Instant end, UUID excludedBookingId) {
    return jdbc.sql(
            """
            SELECT EXISTS (
                SELECT 1 FROM bookings
                WHERE spot_id = :spotId
                  AND status IN ('reserved', 'active')
                  AND booking_id <> :excluded
                  AND tstzrange(start_time, end_time, '[)')
                      && tstzrange(CAST(:start AS timestamptz), CAST(:end AS timestamptz), '[)'))
            """)
        .param("spotId", spotId)
        .param("excluded", excludedBookingId == null ? NO_BOOKING : excludedBookingId)
        .param("start", utc(start))
        .param("end", utc(end))
        .query(Boolean.class)
        .single();
  }

  /** Returns whether the spot has a live booking whose window has not ended at {@code now}. */
  boolean spotHeld(long spotId, Instant now) {
    return jdbc.sql(
            """
            SELECT EXISTS (
                SELECT 1 FROM bookings
                WHERE spot_id = :spotId
                  AND status IN ('reserved', 'active')
                  AND end_time > CAST(:now AS timestamptz))
            """)
        .param("spotId", spotId)
        .param("now", utc(now))
        .query(Boolean.class)
        .single();
  }

  /**
   * Returns up to {@code limit} spots of the lot, in spot id order, that are not out of service and
   * have no live booking overlapping [start, end). {@code floorId} and {@code spotType} narrow the
   * search when not null; {@code excludedSpotIds} are spots already tried.
   */
  List<Long> freeSpots(
      long lotId,
      Long floorId,
      String spotType,
      Instant start,
      Instant end,
      Collection<Long> excludedSpotIds,
      int limit) {
    return jdbc.sql(
            """
            SELECT s.spot_id FROM spots s JOIN floors f ON f.floor_id = s.floor_id
            WHERE f.lot_id = :lotId
              AND (CAST(:floorId AS bigint) IS NULL OR s.floor_id = CAST(:floorId AS bigint))
              AND (CAST(:spotType AS varchar) IS NULL OR s.type = CAST(:spotType AS varchar))
              AND s.status <> 'out_of_service'
              AND NOT (s.spot_id = ANY (CAST(string_to_array(:excluded, ',') AS bigint[])))
              AND NOT EXISTS (
                  SELECT 1 FROM bookings b
                  WHERE b.spot_id = s.spot_id
                    AND b.status IN ('reserved', 'active')
                    AND tstzrange(b.start_time, b.end_time, '[)')
                        && tstzrange(CAST(:start AS timestamptz), CAST(:end AS timestamptz), '[)'))
            ORDER BY s.spot_id
            LIMIT :limit
            """)
        .param("lotId", lotId)
        .param("floorId", floorId)
        .param("spotType", spotType)
        // A joined string, because NamedParameterJdbcTemplate would expand a collection into a
        // list of parameters, which "= ANY" cannot take.
        .param("excluded", excludedSpotIds.stream().map(String::valueOf).collect(joining(",")))
        .param("start", utc(start))
        .param("end", utc(end))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** Returns up to {@code limit} reserved bookings that started before {@code startedBefore}. */
  List<UUID> reservedStartedBefore(Instant startedBefore, int limit) {
    return jdbc.sql(
            """
            SELECT booking_id FROM bookings
            WHERE status = 'reserved' AND start_time <= CAST(:before AS timestamptz)
            ORDER BY start_time
            LIMIT :limit
            """)
        .param("before", utc(startedBefore))
        .param("limit", limit)
        .query(UUID.class)
        .list();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
