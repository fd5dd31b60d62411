package io.parking.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code parking.outbox.*}.
 *
 * @param relayEnabled whether this instance runs the relay on a schedule; with false it stores
 *     events but sends none unless {@link OutboxRelay#relayPending()} is called
 * @param relayInterval pause between the end of one relay run and the start of the next
 * @param batchSize max events one relay transaction reads and sends
 * @param sendTimeout max time the relay waits for Kafka to acknowledge one event before it leaves
 *     the event for the next run; keep it above the producer's {@code max.block.ms} plus {@code
 *     delivery.timeout.ms}
 * @param retention how long sent events stay in the table before a purge deletes them
 * @param purgeInterval pause between two purges of sent events
 */
@ConfigurationProperties("parking.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("500ms") Duration relayInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("25s") Duration sendTimeout,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("1h") Duration purgeInterval) {

  /**
   * @throws IllegalArgumentException when the batch size is below 1 or a duration is not positive
   */
  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "parking.outbox.batch-size must be 1 or more, was " + batchSize);
    }
    requirePositive("relay-interval", relayInterval);
    requirePositive("send-timeout", sendTimeout);
    requirePositive("retention", retention);
    requirePositive("purge-interval", purgeInterval);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "parking.outbox." + name + " must be a positive duration such as 500ms, was " + value);
    }
  }
}
