package io.parking.availability.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SpotAvailabilityStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis spot store on Boot's auto-configured Lettuce connection. */
@Configuration(proxyBeanMethods = false)
public class RedisStoreConfiguration {

  /** Counter of corrected counters and spot states, tagged with the kind of drift. */
  public static final String DRIFT_METRIC = "parking.availability.drift";

  @Bean
  SpotAvailabilityStore spotAvailabilityStore(
      StringRedisTemplate redis, AvailabilityProperties properties, MeterRegistry meterRegistry) {
    return new SpotAvailabilityStore(
        redis,
        properties.redisKeyPrefix(),
        (kind, lotId, floorId) -> driftCounter(meterRegistry, kind).increment());
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
