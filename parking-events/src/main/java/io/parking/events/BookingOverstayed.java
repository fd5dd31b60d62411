package io.parking.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code booking.overstayed}: the car of an active booking is still on the spot after
 * the window's end plus the overstay grace.
 *
 * @param bookingId the active booking
 * @param lotId lot of the spot
 * @param floorId floor of the spot
 * @param spotId the booked spot, still occupied
 * @param userId driver who owns the booking
 * @param endTime end of the booked window
 * @param flaggedAt when the booking service flagged the overstay
 */
public record BookingOverstayed(
    UUID bookingId,
    long lotId,
    long floorId,
    long spotId,
    String userId,
    Instant endTime,
    Instant flaggedAt) {}
