package io.parking.booking.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code parking.outbox.*}.
 *
 * @param relayInterval pause between the end of one relay run and the start of the next
 * @param batchSize max events one relay transaction reads and sends
 * @param sendTimeout max time the relay waits for Kafka to acknowledge one event before it leaves
 *     the event for the next run; keep it above the producer's {@code delivery.timeout.ms}
 * @param retention how long sent events stay in the table before the hourly purge deletes them
 */
@ConfigurationProperties("parking.outbox")
public record OutboxProperties(
    Duration relayInterval, int batchSize, Duration sendTimeout, Duration retention) {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "parking.outbox.batch-size must be 1 or more, was " + batchSize);
    }
  }
}
