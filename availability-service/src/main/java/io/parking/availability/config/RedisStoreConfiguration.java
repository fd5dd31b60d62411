package io.parking.availability.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SpotAvailabilityStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.redis.util.RedisLockRegistry;

/**
 * The Redis spot store and the cluster-wide lock registry on Boot's auto-configured Lettuce
 * connection.
 */
@Configuration(proxyBeanMethods = false)
public class RedisStoreConfiguration {

  /** Counter of corrected counters and spot states, tagged with the kind of drift. */
  public static final String DRIFT_METRIC = "parking.availability.drift";

  /** Registry key of the cluster-wide locks, appended to the service's Redis key prefix. */
  public static final String LOCK_REGISTRY_KEY = "lock";

  @Bean
  SpotAvailabilityStore spotAvailabilityStore(
      StringRedisTemplate redis, AvailabilityProperties properties, MeterRegistry meterRegistry) {
    return new SpotAvailabilityStore(
        redis,
        properties.redisKeyPrefix(),
        (kind, lotId, floorId) -> driftCounter(meterRegistry, kind).increment());
  }

  /**
   * Builds the registry of locks held by one instance of the service at a time, stored as Redis
   * keys {@code <prefix>lock:<name>} that expire after {@code reconcile.lock-ttl}.
   */
  @Bean
  RedisLockRegistry lockRegistry(
      RedisConnectionFactory connectionFactory, AvailabilityProperties properties) {
    return new RedisLockRegistry(
        connectionFactory,
        properties.redisKeyPrefix() + LOCK_REGISTRY_KEY,
        properties.reconcile().lockTtl());
  }

  public static Counter driftCounter(MeterRegistry meterRegistry, String kind) {
    return Counter.builder(DRIFT_METRIC)
        .description(
            "Counters or spot states found wrong in Redis and corrected, by kind: out-of-bounds,"
                + " recount, spot-state")
        .tag("kind", kind)
        .register(meterRegistry);
  }
}
