package io.parking.notification.config;

import io.parking.events.Topics;
import io.parking.notification.messaging.InvalidEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** Dead-letter topics of this service's listeners and their error handling. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  /** Pause between two attempts at a failing record. */
  private static final long RETRY_INTERVAL_MILLIS = 1_000;

  /** Attempts after the first one before a record goes to the dead-letter topic. */
  private static final long MAX_RETRIES = 2;

  @Bean
  NewTopic bookingEventsDeadLetterTopic() {
    return TopicBuilder.name(Topics.BOOKING_EVENTS + Topics.DEAD_LETTER_SUFFIX)
        .partitions(1)
        .build();
  }

  @Bean
  NewTopic paymentEventsDeadLetterTopic() {
    return TopicBuilder.name(Topics.PAYMENT_EVENTS + Topics.DEAD_LETTER_SUFFIX)
        .partitions(1)
        .build();
  }

  @Bean
  NewTopic operatorEventsDeadLetterTopic() {
    return TopicBuilder.name(Topics.OPERATOR_EVENTS + Topics.DEAD_LETTER_SUFFIX)
        .partitions(1)
        .build();
  }

  /**
   * Retries a failing record a few times, then sends it to {@code <topic>.dlt}. A record that can
   * never be applied ({@link InvalidEventException}) goes there at once.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
    // A negative partition lets the producer choose one, so the dead-letter topic needs no
    // particular partition count.
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka,
            (record, error) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MILLIS, MAX_RETRIES));
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }
}
