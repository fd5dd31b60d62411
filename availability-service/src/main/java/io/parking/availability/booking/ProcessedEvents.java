package io.parking.availability.booking;

import io.parking.availability.config.AvailabilityProperties;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids of the booking events this service has applied, kept in Redis as {@code
 * {prefix}processed:{service}:{eventId}} keys that expire after the configured time to live.
 */
@Component
class ProcessedEvents {

  private final StringRedisTemplate redis;
  private final String keyBase;
  private final Duration timeToLive;

  ProcessedEvents(
      StringRedisTemplate redis,
      AvailabilityProperties properties,
      @Value("${spring.application.name}") String serviceName) {
    this.redis = redis;
    this.keyBase = properties.redisKeyPrefix() + "processed:" + serviceName + ":";
    this.timeToLive = properties.processedEventTtl();
  }

  boolean contains(UUID eventId) {
    return Boolean.TRUE.equals(redis.hasKey(key(eventId)));
  }

  /** Records the event as applied. An id recorded before keeps its first time to live. */
  void markProcessed(UUID eventId) {
    redis.opsForValue().setIfAbsent(key(eventId), "1", timeToLive);
  }

  private String key(UUID eventId) {
    return keyBase + eventId;
  }
}
