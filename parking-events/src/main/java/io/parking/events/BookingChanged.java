package io.parking.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the booking events ({@code booking.reserved}, {@code booking.cancelled}).
 *
 * @param bookingId booking the event is about
 * @param lotId lot of the booked spot
 * @param floorId floor of the booked spot
 * @param spotId booked spot
 * @param userId driver who owns the booking
 * @param startTime start of the booked window, inclusive
 * @param endTime end of the booked window, exclusive
 * @param status booking status after the change, lower case ({@code reserved}, {@code cancelled})
 */
public record BookingChanged(
    UUID bookingId,
    long lotId,
    long floorId,
    long spotId,
    String userId,
    Instant startTime,
    Instant endTime,
    String status) {}
