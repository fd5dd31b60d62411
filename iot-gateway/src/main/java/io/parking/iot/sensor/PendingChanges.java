package io.parking.iot.sensor;

import io.parking.availability.store.SensorState;
import io.parking.iot.config.StoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Spot state changes waiting out the debounce, in Redis under {@code pending:{spotId}}, so that
 * gateway instances sharing the subscription see each other's pending changes. Each key expires on
 * its own after a few debounce periods.
 */
@Component
class PendingChanges {

  private static final RedisScript<Long> START =
      RedisScript.of(
          new ClassPathResource("io/parking/iot/sensor/start-pending-change.lua"), Long.class);
  private static final RedisScript<List> CLAIM =
      RedisScript.of(
          new ClassPathResource("io/parking/iot/sensor/claim-pending-change.lua"), List.class);

  /** How many debounce periods a pending change outlives its timer before Redis drops it. */
  private static final int EXPIRY_PERIODS = 10;

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final Duration expiry;

  PendingChanges(StringRedisTemplate redis, StoreProperties store, SensorProperties sensor) {
    this.redis = redis;
    this.keyPrefix = store.keyPrefix();
    this.expiry = sensor.debounce().multipliedBy(EXPIRY_PERIODS).plusSeconds(1);
  }

  /**
   * Starts the debounce of the reading's state. Returns the token of the new pending change, or
   * empty when the same state is pending already, whose timer then applies it.
   */
  Optional<String> start(SensorReading reading, SensorState state) {
    String token = UUID.randomUUID().toString();
    Long started =
        redis.execute(
            START,
            List.of(pendingKey(reading.spotId())),
            state.name(),
            token,
            reading.sensorId(),
            Long.toString(reading.sequence()),
            reading.timestamp().toString(),
            Long.toString(reading.lotId()),
            Long.toString(expiry.toMillis()));
    return started != null && started == 1 ? Optional.of(token) : Optional.empty();
  }

  /** Drops the spot's pending change. Returns whether one was pending. */
  boolean cancel(long spotId) {
    return Boolean.TRUE.equals(redis.delete(pendingKey(spotId)));
  }

  /**
   * Takes the spot's pending change if it is still the one started with {@code token}, and returns
   * the reading that started it.
   */
  Optional<Claimed> claim(long spotId, String token) {
    List<?> result = redis.execute(CLAIM, List.of(pendingKey(spotId)), token);
    if (result == null || result.isEmpty()) {
      return Optional.empty();
    }
    SensorState state = SensorState.valueOf(String.valueOf(result.get(0)).toUpperCase(Locale.ROOT));
    SensorReading reading =
        new SensorReading(
            Long.parseLong(String.valueOf(result.get(4))),
            spotId,
            String.valueOf(result.get(1)),
            state == SensorState.OCCUPIED,
            Long.parseLong(String.valueOf(result.get(2))),
            Instant.parse(String.valueOf(result.get(3))),
            null);
    return Optional.of(new Claimed(state, reading));
  }

  /** A pending change taken for applying: the state and the reading that started it. */
  record Claimed(SensorState state, SensorReading reading) {}

  private String pendingKey(long spotId) {
    return keyPrefix + "pending:" + spotId;
  }
}
