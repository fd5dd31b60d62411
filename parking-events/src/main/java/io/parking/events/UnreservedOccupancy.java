package io.parking.events;

import java.time.Instant;

/**
 * Payload of {@code spot.unreserved-occupancy}: a sensor saw a car on a spot that no booking was
 * due on, so someone parked without reserving (or on another driver's reserved spot).
 *
 * @param lotId lot of the spot
 * @param floorId floor of the spot
 * @param spotId the spot that was taken
 * @param sensorId sensor that reported the car
 * @param spotStatus the spot's stored status when the car arrived: {@code available}, {@code
 *     reserved} when the car is parked on a spot kept for a later booking, or {@code
 *     out_of_service}
 * @param startedAt when the sensor saw the car
 */
public record UnreservedOccupancy(
    long lotId, long floorId, long spotId, String sensorId, String spotStatus, Instant startedAt) {}
