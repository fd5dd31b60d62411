package io.parking.iot.sensor;

import io.parking.iot.config.StoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * State the gateway instances share about each sensor, in Redis behind the deployment's key prefix:
 *
 * <ul>
 *   <li>{@code sensor:{sensorId}}: hash with the last admitted {@code seq} and {@code ts} (epoch
 *       ms), the sensor's {@code lot} and {@code spot}, {@code seenAt} (gateway clock, epoch ms),
 *       {@code battery}, and the flags {@code offline} and {@code lowBattery};
 *   <li>{@code sensors:seen}: sorted set of the sensor ids that are online, scored by {@code
 *       seenAt}.
 * </ul>
 *
 * Each check runs as one Lua script, so two gateway instances receiving copies of one message agree
 * on which of them applies it.
 */
@Component
class SensorRegistry {

  private static final RedisScript<List> ADMIT =
      RedisScript.of(new ClassPathResource("io/parking/iot/sensor/admit-message.lua"), List.class);
  private static final RedisScript<List> MARK_OFFLINE =
      RedisScript.of(new ClassPathResource("io/parking/iot/sensor/mark-offline.lua"), List.class);

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final int lowBatteryPercent;

  SensorRegistry(StringRedisTemplate redis, StoreProperties store, SensorProperties sensor) {
    this.redis = redis;
    this.keyPrefix = store.keyPrefix();
    this.lowBatteryPercent = sensor.lowBattery();
  }

  /** Outcome of a message compared with the sensor's earlier ones. */
  enum Outcome {
    /** A new message: apply it. */
    ADMITTED,
    /** The same sequence was admitted before: a redelivery or a repeated send. */
    DUPLICATE,
    /** A lower sequence or an older timestamp than the last admitted message. */
    STALE
  }

  /**
   * Result of {@link #admit}.
   *
   * @param outcome whether the message is new
   * @param wasOffline whether the sensor had been marked offline before this message
   * @param lowBatteryRaised whether this message raised the sensor's low-battery alert
   */
  record Admission(Outcome outcome, boolean wasOffline, boolean lowBatteryRaised) {}

  /** A sensor that {@link #markOffline} took offline. */
  record OfflineSensor(
      String sensorId, long lotId, long spotId, Instant lastSeenAt, Integer battery) {}

  /**
   * Admits the message unless a message of this sensor with the same or a higher sequence, or a
   * later timestamp, was admitted before, and records that the sensor was seen at {@code now}.
   */
  Admission admit(SensorMessage message, Instant now) {
    List<?> result =
        redis.execute(
            ADMIT,
            List.of(sensorKey(message.sensorId()), seenKey()),
            message.sensorId(),
            Long.toString(message.sequence()),
            Long.toString(message.timestamp().toEpochMilli()),
            Long.toString(message.lotId()),
            Long.toString(message.spotId()),
            Long.toString(now.toEpochMilli()),
            message.battery() == null ? "" : message.battery().toString(),
            Integer.toString(lowBatteryPercent));
    Outcome outcome =
        switch (String.valueOf(result.get(0))) {
          case "admitted" -> Outcome.ADMITTED;
          case "duplicate" -> Outcome.DUPLICATE;
          case "stale" -> Outcome.STALE;
          default -> throw new IllegalStateException("unexpected script result " + result);
        };
    return new Admission(outcome, isSet(result.get(1)), isSet(result.get(2)));
  }

  /** Returns up to {@code limit} online sensors last seen at or before {@code cutoff}. */
  Set<String> lastSeenBefore(Instant cutoff, int limit) {
    Set<String> found =
        redis
            .opsForZSet()
            .rangeByScore(seenKey(), Double.NEGATIVE_INFINITY, cutoff.toEpochMilli(), 0, limit);
    return found == null ? Set.of() : found;
  }

  /**
   * Marks the sensor offline if it was last seen at or before {@code cutoff} and is not offline
   * yet. Returns it when this call marked it, so that exactly one caller raises the alert.
   */
  Optional<OfflineSensor> markOffline(String sensorId, Instant cutoff) {
    List<?> result =
        redis.execute(
            MARK_OFFLINE,
            List.of(sensorKey(sensorId), seenKey()),
            sensorId,
            Long.toString(cutoff.toEpochMilli()));
    if (result == null || result.isEmpty()) {
      return Optional.empty();
    }
    String battery = String.valueOf(result.get(3));
    return Optional.of(
        new OfflineSensor(
            sensorId,
            Long.parseLong(String.valueOf(result.get(0))),
            Long.parseLong(String.valueOf(result.get(1))),
            Instant.ofEpochMilli(Long.parseLong(String.valueOf(result.get(2)))),
            battery.isEmpty() ? null : Integer.valueOf(battery)));
  }

  private static boolean isSet(Object flag) {
    return "1".equals(String.valueOf(flag));
  }

  private String sensorKey(String sensorId) {
    return keyPrefix + "sensor:" + sensorId;
  }

  private String seenKey() {
    return keyPrefix + "sensors:seen";
  }
}
