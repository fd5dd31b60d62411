package io.parking.iot.sensor;

import java.time.Instant;

/**
 * A validated heartbeat: the sensor is alive. It changes no spot state.
 *
 * @param lotId lot named in the topic
 * @param spotId spot named in the topic
 * @param sensorId id of the physical sensor
 * @param sequence the sensor's own message counter
 * @param timestamp when the sensor sent the heartbeat
 * @param battery battery charge in percent, null when the sensor did not send it
 */
record SensorHeartbeat(
    long lotId, long spotId, String sensorId, long sequence, Instant timestamp, Integer battery)
    implements SensorMessage {}
