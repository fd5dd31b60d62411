package io.parking.events;

import java.time.Instant;

/**
 * Payload of {@code sensor.state-changed}: a sensor reading the IoT gateway accepted.
 *
 * @param lotId lot of the spot
 * @param floorId floor of the spot
 * @param spotId spot the sensor watches
 * @param sensorId id of the physical sensor
 * @param occupied whether a car is in the spot
 * @param sequence the sensor's own message counter
 * @param observedAt the sensor's timestamp of the reading
 */
public record SensorStateChanged(
    long lotId,
    long floorId,
    long spotId,
    String sensorId,
    boolean occupied,
    long sequence,
    Instant observedAt) {}
