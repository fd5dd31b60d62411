package io.parking.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code booking.wrong-spot-suspected}: during a booking's arrival window its spot
 * stayed empty while an unbooked spot on the same floor was taken. The booking is not reassigned.
 *
 * @param bookingId the reserved booking whose spot is empty
 * @param userId driver who owns the booking
 * @param lotId lot of both spots
 * @param floorId floor of both spots
 * @param bookedSpotId the booking's spot, still empty
 * @param occupiedSpotId the unbooked spot that was taken
 * @param sensorId sensor that reported the car on the unbooked spot
 * @param detectedAt when the booking service recorded the suspicion
 */
public record WrongSpotSuspected(
    UUID bookingId,
    String userId,
    long lotId,
    long floorId,
    long bookedSpotId,
    long occupiedSpotId,
    String sensorId,
    Instant detectedAt) {}
