package io.parking.availability.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the availability service under {@code parking.availability}.
 *
 * @param redisKeyPrefix prefix of every Redis key this service reads or writes, empty in production
 * @param rebuildInterval pause between two passes of the lot builder
 * @param processedEventTtl how long the id of an applied booking event is kept for deduplication
 * @param bookingService where and how the lot builder reaches the booking service
 */
@Validated
@ConfigurationProperties("parking.availability")
public record AvailabilityProperties(
    String redisKeyPrefix,
    @NotNull Duration rebuildInterval,
    @NotNull Duration processedEventTtl,
    @Valid @NotNull BookingService bookingService) {

  public AvailabilityProperties {
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
  }

  /**
   * Connection to the booking service.
   *
   * @param url base URL, for example {@code http://127.0.0.1:8081}
   * @param connectTimeout maximum time to open a connection
   * @param readTimeout maximum time to wait for a response
   */
  public record BookingService(
      @NotNull URI url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}
}
