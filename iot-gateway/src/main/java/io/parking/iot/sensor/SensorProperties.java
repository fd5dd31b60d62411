package io.parking.iot.sensor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timings applied to incoming sensor messages.
 *
 * @param maxClockSkew how far a reading's timestamp may lie ahead of the gateway's clock before the
 *     message is rejected
 * @param maxPayloadBytes largest accepted MQTT payload; a valid reading is about 100 bytes
 * @param debounce how long a new spot state must hold before it is applied. A reading back to the
 *     applied state within this time cancels the change, and zero applies every change at once
 * @param offlineAfter how long a sensor may send nothing, neither reading nor heartbeat, before it
 *     counts as offline
 * @param offlineCheckInterval pause between two searches for sensors that went offline
 * @param lowBattery battery percentage below which a sensor raises a low-battery alert
 */
@ConfigurationProperties("parking.sensor")
public record SensorProperties(
    @DefaultValue("5m") Duration maxClockSkew,
    @DefaultValue("4096") int maxPayloadBytes,
    @DefaultValue("3s") Duration debounce,
    @DefaultValue("5m") Duration offlineAfter,
    @DefaultValue("30s") Duration offlineCheckInterval,
    @DefaultValue("15") int lowBattery) {

  public SensorProperties {
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException(
          "parking.sensor.max-clock-skew must not be negative, was " + maxClockSkew);
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "parking.sensor.max-payload-bytes must be 1 or more, was " + maxPayloadBytes);
    }
    if (debounce.isNegative()) {
      throw new IllegalArgumentException(
          "parking.sensor.debounce (SENSOR_DEBOUNCE) must not be negative, was " + debounce);
    }
    if (offlineAfter.isNegative()
        || offlineAfter.isZero()
        || offlineCheckInterval.isNegative()
        || offlineCheckInterval.isZero()) {
      throw new IllegalArgumentException(
          "parking.sensor.offline-after (SENSOR_OFFLINE_AFTER) and offline-check-interval must be"
              + " positive, were "
              + offlineAfter
              + " and "
              + offlineCheckInterval);
    }
    if (lowBattery < 0 || lowBattery > 100) {
      throw new IllegalArgumentException(
          "parking.sensor.low-battery (SENSOR_LOW_BATTERY) must be a percentage from 0 to 100, was "
              + lowBattery);
    }
  }
}
