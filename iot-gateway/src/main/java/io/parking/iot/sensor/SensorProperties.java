package io.parking.iot.sensor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits applied to incoming sensor messages.
 *
 * @param maxClockSkew how far a reading's timestamp may lie ahead of the gateway's clock before the
 *     message is rejected
 * @param maxPayloadBytes largest accepted MQTT payload; a valid reading is about 100 bytes
 */
@ConfigurationProperties("parking.sensor")
public record SensorProperties(
    @DefaultValue("5m") Duration maxClockSkew, @DefaultValue("4096") int maxPayloadBytes) {

  public SensorProperties {
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException(
          "parking.sensor.max-clock-skew must not be negative, was " + maxClockSkew);
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "parking.sensor.max-payload-bytes must be 1 or more, was " + maxPayloadBytes);
    }
  }
}
