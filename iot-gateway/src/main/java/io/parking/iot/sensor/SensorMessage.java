package io.parking.iot.sensor;

import java.time.Instant;

/** A validated message of one sensor: a state reading or a heartbeat. */
sealed interface SensorMessage permits SensorReading, SensorHeartbeat {

  /** Lot named in the topic. */
  long lotId();

  /** Spot named in the topic. */
  long spotId();

  /** Id of the physical sensor. */
  String sensorId();

  /** The sensor's message counter, shared by its state messages and heartbeats. */
  long sequence();

  /** When the sensor sent the message, by its own clock. */
  Instant timestamp();

  /** Battery charge in percent, null when the sensor did not send it. */
  Integer battery();
}
