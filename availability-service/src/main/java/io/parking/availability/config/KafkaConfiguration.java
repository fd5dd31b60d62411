package io.parking.availability.config;

import io.parking.events.Topics;
import io.parking.support.messaging.KafkaDeadLetters;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import tools.jackson.core.JacksonException;

/**
 * Error handling of the Kafka listeners. Boot's listener container factory picks up the error
 * handler bean.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  /** Pause between two attempts at a failing record. */
  private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  /** Retries after the first failed attempt, before the record goes to the dead-letter topic. */
  private static final long MAX_RETRIES = 3;

  /**
   * Retries a failing record {@value #MAX_RETRIES} times, then publishes it to {@code <topic>.dlt}
   * and moves on. A record that is not valid JSON of the expected envelope or payload fails the
   * same way on every attempt, so it goes to the dead-letter topic at once. The envelope reader
   * throws {@code InvalidEventException} for such a record, and binding the payload throws {@link
   * JacksonException}.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate) {
    DefaultErrorHandler errorHandler =
        KafkaDeadLetters.errorHandler(kafkaTemplate, RETRY_INTERVAL, MAX_RETRIES);
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
    return KafkaDeadLetters.topic(Topics.BOOKING_EVENTS);
  }
}
