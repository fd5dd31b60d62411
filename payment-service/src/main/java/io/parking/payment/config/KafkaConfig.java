package io.parking.payment.config;

import io.parking.events.Topics;
import io.parking.support.messaging.InvalidEventException;
import io.parking.support.messaging.KafkaDeadLetters;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Topics this service creates and the error handling of its Kafka listeners. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  /** Pause between two attempts at a failing record. */
  private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  /** Attempts after the first one before a record goes to the dead-letter topic. */
  private static final long MAX_RETRIES = 2;

  @Bean
  NewTopic paymentEventsTopic() {
    return TopicBuilder.name(Topics.PAYMENT_EVENTS).partitions(3).build();
  }

  @Bean
  NewTopic bookingEventsDeadLetterTopic() {
    return KafkaDeadLetters.topic(Topics.BOOKING_EVENTS);
  }

  /**
   * Retries a failing record {@value #MAX_RETRIES} times, then sends it to {@code <topic>.dlt}. A
   * record that can never be applied ({@link InvalidEventException}) goes there at once.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
    return KafkaDeadLetters.errorHandler(kafka, RETRY_INTERVAL, MAX_RETRIES);
  }
}
