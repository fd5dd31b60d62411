package io.parking.availability.config;

import io.parking.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * Error handling of the Kafka listeners. Boot's listener container factory picks up the error
 * handler bean.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

  /** Pause between two attempts at a failing record. */
  private static final long RETRY_INTERVAL_MILLIS = 1_000;

  /** Retries after the first failed attempt, before the record goes to the dead-letter topic. */
  private static final long MAX_RETRIES = 3;

  /**
   * Retries a failing record a few times, then publishes it to {@code <topic>.dlt} and moves on. A
   * record that is not valid JSON of the expected envelope fails the same way on every attempt, so
   * it goes to the dead-letter topic at once.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate) {
    // Partition -1 lets the producer choose, so the dead-letter topic may have fewer partitions.
    var recoverer =
        new DeadLetterPublishingRecoverer(
            kafkaTemplate,
            (record, exception) -> {
              log.warn(
                  "record {}-{}@{} (key {}) failed, sending it to {}{}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  record.topic(),
                  Topics.DEAD_LETTER_SUFFIX,
                  exception.getMessage());
              return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
            });
    var errorHandler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MILLIS, MAX_RETRIES));
    errorHandler.addNotRetryableExceptions(JacksonException.class);
    return errorHandler;
  }

  /**
   * Declares this consumer's dead-letter topic, because the platform's broker creates no topic on
   * first use. Other consumers of the booking events declare the same topic; KafkaAdmin leaves an
   * existing one alone.
   */
  @Bean
  NewTopic bookingEventsDeadLetterTopic() {
    return TopicBuilder.name(Topics.BOOKING_EVENTS + Topics.DEAD_LETTER_SUFFIX)
        .partitions(1)
        .build();
  }
}
