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
 * @param rebuildInterval pause between two listings of the booking service's lots, which finds new
 *     lots
 * @param markerCheckInterval pause between two checks that every known lot is still in Redis; a lot
 *     found missing (Redis restarted or flushed) is rebuilt at once
 * @param processedEventTtl how long the id of an applied booking event is kept for deduplication
 * @param reconcile the reconciliation pass that compares Redis with the booking database
 * @param read caching of the read API and the change stream
 * @param bookingService where and how the lot builder reaches the booking service
 */
@Validated
@ConfigurationProperties("parking.availability")
public record AvailabilityProperties(
    String redisKeyPrefix,
    @NotNull Duration rebuildInterval,
    @NotNull Duration markerCheckInterval,
    @NotNull Duration processedEventTtl,
    @Valid @NotNull Reconcile reconcile,
    @Valid @NotNull Read read,
    @Valid @NotNull BookingService bookingService) {

  public AvailabilityProperties {
    redisKeyPrefix = redisKeyPrefix == null ? "" : redisKeyPrefix;
  }

  /**
   * The reconciliation pass.
   *
   * @param interval pause between two passes
   * @param settle a spot whose sensor state changed less than this long before a pass keeps it,
   *     because the booking database learns sensor readings later than Redis
   * @param lockTtl how long one instance holds the cluster-wide pass lock at most
   */
  public record Reconcile(
      @NotNull Duration interval, @NotNull Duration settle, @NotNull Duration lockTtl) {}

  /**
   * The read API and the change stream.
   *
   * @param maxAge the {@code Cache-Control: max-age} of availability responses
   * @param streamPollInterval how often the change stream reads each watched lot's change counter
   * @param streamHeartbeat pause between two heartbeat comments on an idle stream
   * @param streamTimeout how long one stream stays open before the client reconnects
   */
  public record Read(
      @NotNull Duration maxAge,
      @NotNull Duration streamPollInterval,
      @NotNull Duration streamHeartbeat,
      @NotNull Duration streamTimeout) {}

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
