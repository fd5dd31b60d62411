package io.parking.payment.support;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Booking events as booking-service sends them, for tests. */
public final class BookingEvents {

  public static final long LOT_ID = 1;
  public static final long FLOOR_ID = 11;
  public static final Instant START = Instant.parse("2026-12-04T09:00:00Z");

  private BookingEvents() {}

  /** A {@code booking.reserved} event with a fresh event id for a window of {@code length}. */
  public static EventEnvelope<BookingChanged> reserved(
      UUID bookingId, long spotId, String userId, Duration length) {
    return EventEnvelope.of(
        EventTypes.BOOKING_RESERVED,
        bookingId.toString(),
        new BookingChanged(
            bookingId, LOT_ID, FLOOR_ID, spotId, userId, START, START.plus(length), "reserved"));
  }

  /** A {@code booking.cancelled} event with a fresh event id for a two-hour window. */
  public static EventEnvelope<BookingChanged> cancelled(
      UUID bookingId, long spotId, String userId) {
    return EventEnvelope.of(
        EventTypes.BOOKING_CANCELLED,
        bookingId.toString(),
        new BookingChanged(
            bookingId,
            LOT_ID,
            FLOOR_ID,
            spotId,
            userId,
            START,
            START.plus(Duration.ofHours(2)),
            "cancelled"));
  }

  /**
   * An event of {@code type} for a booking of {@code length} from {@link #START} in {@code lotId},
   * stamped {@code occurredAt}.
   */
  public static EventEnvelope<BookingChanged> event(
      String type,
      UUID bookingId,
      long lotId,
      long spotId,
      String userId,
      Duration length,
      Instant occurredAt) {
    String status = type.substring(type.indexOf('.') + 1);
    return new EventEnvelope<>(
        UUID.randomUUID(),
        type,
        1,
        occurredAt,
        bookingId.toString(),
        new BookingChanged(
            bookingId, lotId, FLOOR_ID, spotId, userId, START, START.plus(length), status));
  }

  /** Returns a random spot id from 1 to 1,000,000, so tests rarely share a record key. */
  public static long newSpotId() {
    return Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000L) + 1;
  }
}
