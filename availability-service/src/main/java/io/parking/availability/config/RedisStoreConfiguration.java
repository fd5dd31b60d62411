package io.parking.availability.config;

import io.parking.availability.store.SpotAvailabilityStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis spot store on Boot's auto-configured Lettuce connection. */
@Configuration(proxyBeanMethods = false)
class RedisStoreConfiguration {

  @Bean
  SpotAvailabilityStore spotAvailabilityStore(
      StringRedisTemplate redis, AvailabilityProperties properties) {
    return new SpotAvailabilityStore(redis, properties.redisKeyPrefix());
  }
}
