package io.parking.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the booking events ({@code booking.reserved}, {@code booking.cancelled}, {@code
 * booking.activated}, {@code booking.completed}, {@code booking.expired}, {@code
 * booking.extended}).
 *
 * @param bookingId booking the event is about
 * @param lotId lot of the booked spot
 * @param floorId floor of the booked spot
 * @param spotId booked spot
 * @param userId driver who owns the booking
 * @param startTime start of the booked window, inclusive
 * @param endTime end of the booked window, exclusive
 * @param status booking status after the change, lower case ({@code reserved}, {@code active},
 *     {@code completed}, {@code cancelled}, {@code expired})
 * @param spotHeld whether the spot still has a reserved or active booking whose window has not
 *     ended after this change, counting this booking too; null in events written before the field
 *     existed
 */
public record BookingChanged(
    UUID bookingId,
    long lotId,
    long floorId,
    long spotId,
    String userId,
    Instant startTime,
    Instant endTime,
    String status,
    Boolean spotHeld) {

  /** Creates a payload without {@code spotHeld}, as producers wrote it before that field. */
  public BookingChanged(
      UUID bookingId,
      long lotId,
      long floorId,
      long spotId,
      String userId,
      Instant startTime,
      Instant endTime,
      String status) {
    this(bookingId, lotId, floorId, spotId, userId, startTime, endTime, status, null);
  }
}
