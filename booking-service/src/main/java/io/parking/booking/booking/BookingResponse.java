package io.parking.booking.booking;

import io.parking.booking.lot.SpotState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A booking as the booking endpoints return it.
 *
 * @param startTime start of the window, with the offset of the lot's time zone at that instant
 * @param endTime end of the window, exclusive, with the offset of the lot's time zone
 * @param status {@code reserved}, {@code active}, {@code completed}, {@code cancelled} or {@code
 *     expired}
 */
record BookingResponse(
    UUID bookingId,
    long spotId,
    long floorId,
    long lotId,
    String userId,
    OffsetDateTime startTime,
    OffsetDateTime endTime,
    String status,
    Instant createdAt) {

  static BookingResponse of(Booking booking, SpotState spot) {
    ZoneId zone = ZoneId.of(spot.timeZone());
    return new BookingResponse(
        booking.getId(),
        booking.getSpotId(),
        spot.floorId(),
        spot.lotId(),
        booking.getUserId(),
        booking.getStartTime().atZone(zone).toOffsetDateTime(),
        booking.getEndTime().atZone(zone).toOffsetDateTime(),
        booking.getStatus().stored(),
        booking.getCreatedAt());
  }
}
