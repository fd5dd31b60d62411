package io.parking.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Builds the relay's own {@link KafkaTemplate} on the service's producer factory, so the relay
 * shares the service's producer and its settings.
 *
 * <p>The relay's template has no producer listener, because Spring Kafka's default one logs the
 * whole record value of a failed send and outbox payloads may contain personal data. The relay logs
 * the event id, key and topic instead.
 */
final class RelayKafkaTemplate {

  private static final Logger log = LoggerFactory.getLogger(RelayKafkaTemplate.class);

  /** Kafka's default {@code max.block.ms}. */
  private static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(60);

  /** Kafka's default {@code delivery.timeout.ms}. */
  private static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

  private RelayKafkaTemplate() {}

  /**
   * Returns a template that sends keys and values as the strings stored in the outbox.
   *
   * @throws IllegalStateException when the factory serializes keys or values with anything but
   *     {@link StringSerializer}, which would change the stored JSON on its way to Kafka
   */
  @SuppressWarnings("unchecked")
  static KafkaTemplate<String, String> create(
      ProducerFactory<?, ?> factory, OutboxProperties properties) {
    Map<String, Object> config = factory.getConfigurationProperties();
    requireStringSerializer(
        "key",
        factory.getKeySerializerSupplier(),
        config.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG));
    requireStringSerializer(
        "value",
        factory.getValueSerializerSupplier(),
        config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
    warnIfSendTimeoutIsShort(config, properties.sendTimeout());

    KafkaTemplate<String, String> template =
        new KafkaTemplate<>((ProducerFactory<String, String>) factory);
    template.setProducerListener(new ProducerListener<>() {});
    // A transactional factory would refuse sends outside a Kafka transaction; the relay needs none,
    // because the database transaction decides what counts as sent.
    template.setAllowNonTransactional(true);
    return template;
  }

  private static void requireStringSerializer(
      String part, Supplier<? extends Serializer<?>> supplier, Object configured) {
    // A serializer instance given to the factory takes precedence over the configured class.
    Object serializer = supplier == null ? null : supplier.get();
    if (serializer == null) {
      serializer = configured;
    }
    boolean isString =
        serializer instanceof StringSerializer
            || serializer == StringSerializer.class
            || StringSerializer.class.getName().equals(serializer);
    if (!isString) {
      throw new IllegalStateException(
          "The outbox relay needs a producer that serializes the "
              + part
              + " with "
              + StringSerializer.class.getName()
              + ", but the producer factory uses "
              + describe(serializer)
              + ": set spring.kafka.producer."
              + part
              + "-serializer to StringSerializer (Boot's default)");
    }
  }

  private static String describe(Object serializer) {
    if (serializer == null) {
      return "none";
    }
    if (serializer instanceof Class<?> type) {
      return type.getName();
    }
    return serializer instanceof String ? (String) serializer : serializer.getClass().getName();
  }

  /**
   * Warns when the relay would give up waiting while the producer is still within its own limits,
   * because the relay would then count a failure for an event Kafka may still accept.
   */
  private static void warnIfSendTimeoutIsShort(Map<String, Object> config, Duration sendTimeout) {
    Duration maxBlock = millis(config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG), DEFAULT_MAX_BLOCK);
    Duration delivery =
        millis(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), DEFAULT_DELIVERY_TIMEOUT);
    if (sendTimeout.compareTo(maxBlock.plus(delivery)) <= 0) {
      log.warn(
          "parking.outbox.send-timeout ({}) is not above the producer's max.block.ms ({}) plus"
              + " delivery.timeout.ms ({}): the relay may count a failure and send the event again"
              + " while the producer is still delivering it",
          sendTimeout,
          maxBlock,
          delivery);
    }
  }

  private static Duration millis(Object configured, Duration fallback) {
    if (configured == null) {
      return fallback;
    }
    try {
      return Duration.ofMillis(Long.parseLong(configured.toString().trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
