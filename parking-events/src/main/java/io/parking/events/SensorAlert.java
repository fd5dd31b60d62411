package io.parking.events;

import java.time.Instant;

/**
 * Payload of the sensor alerts {@code sensor.offline} and {@code sensor.low-battery}.
 *
 * @param lotId lot of the sensor's spot
 * @param floorId floor of the sensor's spot
 * @param spotId spot the sensor watches
 * @param sensorId id of the physical sensor
 * @param battery last reported battery charge in percent, null when the sensor never sent one
 * @param lastSeenAt when the gateway last received a message from the sensor
 */
public record SensorAlert(
    long lotId, long floorId, long spotId, String sensorId, Integer battery, Instant lastSeenAt) {}
