package io.parking.booking.booking;

import io.parking.booking.lot.SpotState;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as the booking endpoints return it.
 *
 * @param status {@code reserved}, {@code active}, {@code completed} or {@code cancelled}
 */
record BookingResponse(
    UUID bookingId,
    long spotId,
    long floorId,
    long lotId,
    String userId,
    Instant startTime,
    Instant endTime,
    String status,
    Instant createdAt) {

  static BookingResponse of(Booking booking, SpotState spot) {
    return new BookingResponse(
        booking.getId(),
        booking.getSpotId(),
        spot.floorId(),
        spot.lotId(),
        booking.getUserId(),
        booking.getStartTime(),
        booking.getEndTime(),
        booking.getStatus().stored(),
        booking.getCreatedAt());
  }
}
