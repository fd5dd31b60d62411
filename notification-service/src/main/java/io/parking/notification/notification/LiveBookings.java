package io.parking.notification.notification;

import io.parking.events.BookingChanged;
import io.parking.events.EventTypes;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code live_bookings} table: reserved and active bookings as the booking events describe
 * them, kept so that the reminder job can look up when each booking starts and ends.
 */
@Component
class LiveBookings {

  private static final Logger log = LoggerFactory.getLogger(LiveBookings.class);

  private final JdbcClient jdbc;

  LiveBookings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applies a booking event in the caller's transaction. A reservation, check-in or extension
   * stores the booking's current window and status, and a cancellation, expiry or completion
   * removes the booking. Other types change nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void apply(String type, BookingChanged booking) {
    switch (type) {
      case EventTypes.BOOKING_RESERVED, EventTypes.BOOKING_ACTIVATED, EventTypes.BOOKING_EXTENDED ->
          upsert(booking);
      case EventTypes.BOOKING_CANCELLED, EventTypes.BOOKING_EXPIRED, EventTypes.BOOKING_COMPLETED ->
          remove(booking.bookingId());
      default -> {
        // Not a change of the booking's window or liveness.
      }
    }
  }

  /** Returns the reserved bookings that start after {@code from} and no later than {@code to}. */
  List<LiveBooking> startingBetween(Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT booking_id, user_id, spot_id, start_time, end_time FROM live_bookings
            WHERE status = 'reserved' AND start_time > :from AND start_time <= :to
            ORDER BY start_time
            """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(LiveBookings::row)
        .list();
  }

  /**
   * Returns the reserved and active bookings that end after {@code from} and no later than {@code
   * to}.
   */
  List<LiveBooking> endingBetween(Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT booking_id, user_id, spot_id, start_time, end_time FROM live_bookings
            WHERE status IN ('reserved', 'active') AND end_time > :from AND end_time <= :to
            ORDER BY end_time
            """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(LiveBookings::row)
        .list();
  }

  private void upsert(BookingChanged booking) {
    jdbc.sql(
            """
            INSERT INTO live_bookings (booking_id, user_id, lot_id, spot_id, start_time, end_time,
                                       status, updated_at)
            VALUES (:bookingId, :userId, :lotId, :spotId, :startTime, :endTime, :status, now())
            ON CONFLICT (booking_id) DO UPDATE
            SET user_id = EXCLUDED.user_id, lot_id = EXCLUDED.lot_id, spot_id = EXCLUDED.spot_id,
                start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
                status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
            """)
        .param("bookingId", booking.bookingId())
        .param("userId", booking.userId())
        .param("lotId", booking.lotId())
        .param("spotId", booking.spotId())
        .param("startTime", Timestamp.from(booking.startTime()))
        .param("endTime", Timestamp.from(booking.endTime()))
        .param("status", booking.status())
        .update();
    log.debug(
        "Tracking booking {} on spot {} as {}",
        booking.bookingId(),
        booking.spotId(),
        booking.status());
  }

  private void remove(UUID bookingId) {
    int removed =
        jdbc.sql("DELETE FROM live_bookings WHERE booking_id = :bookingId")
            .param("bookingId", bookingId)
            .update();
    if (removed == 1) {
      log.debug("Stopped tracking booking {}", bookingId);
    }
  }

  private static LiveBooking row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
    return new LiveBooking(
        rs.getObject("booking_id", UUID.class),
        rs.getString("user_id"),
        rs.getLong("spot_id"),
        rs.getObject("start_time", OffsetDateTime.class).toInstant(),
        rs.getObject("end_time", OffsetDateTime.class).toInstant());
  }

  /**
   * A booking the reminder job may remind its driver of.
   *
   * @param bookingId the booking
   * @param userId its driver
   * @param spotId its spot
   * @param startTime start of its window
   * @param endTime end of its window
   */
  record LiveBooking(
      UUID bookingId, String userId, long spotId, Instant startTime, Instant endTime) {}
}
