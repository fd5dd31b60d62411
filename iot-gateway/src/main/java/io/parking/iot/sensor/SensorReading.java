package io.parking.iot.sensor;

import java.time.Instant;

/**
 * A validated state message: the spot from the topic and the fields of the payload.
 *
 * @param lotId lot named in the topic
 * @param spotId spot named in the topic
 * @param sensorId id of the physical sensor
 * @param occupied whether a car is in the spot
 * @param sequence the sensor's own message counter
 * @param timestamp when the sensor took the reading
 * @param battery battery charge in percent, null when the sensor did not send it
 */
record SensorReading(
    long lotId,
    long spotId,
    String sensorId,
    boolean occupied,
    long sequence,
    Instant timestamp,
    Integer battery)
    implements SensorMessage {}
