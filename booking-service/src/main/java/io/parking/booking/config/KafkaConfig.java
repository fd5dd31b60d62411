package io.parking.booking.config;

import io.parking.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/** Topics this service owns, and the error handling of its Kafka listeners. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  /** Dead-letter topic of the sensor listener. */
  static final String SENSOR_EVENTS_DEAD_LETTER = Topics.SENSOR_EVENTS + Topics.DEAD_LETTER_SUFFIX;

  /** Pause between two attempts at a failing record. */
  private static final long RETRY_INTERVAL_MS = 500;

  /** Attempts after the first before a record goes to the dead-letter topic. */
  private static final long MAX_RETRIES = 3;

  private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

  @Bean
  NewTopic bookingEventsTopic() {
    return TopicBuilder.name(Topics.BOOKING_EVENTS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic sensorEventsDeadLetterTopic() {
    return TopicBuilder.name(SENSOR_EVENTS_DEAD_LETTER).partitions(1).replicas(1).build();
  }

  /**
   * Replaces Boot's default producer listener, which logs the whole record value when a send fails.
   * Boot's template publishes the dead letters of {@link #kafkaErrorHandler}. The outbox relay
   * sends booking events, driver id included, with a template of its own that has no such listener,
   * and logs failures with the event id and spot id.
   */
  @Bean
  ProducerListener<Object, Object> kafkaProducerListener() {
    return new ProducerListener<>() {};
  }

  /**
   * Retries a failing record {@value #MAX_RETRIES} times, {@value #RETRY_INTERVAL_MS} ms apart,
   * then publishes it unchanged to {@code <topic>.dlt}. Records that are not valid JSON events go
   * there at once, because retrying cannot fix them. Boot's listener container factory picks this
   * bean up.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
    var recoverer =
        new DeadLetterPublishingRecoverer(
            kafka,
            (record, error) -> {
              log.error(
                  "Kafka record {}-{}@{} with key {} failed, sending it to {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  record.topic() + Topics.DEAD_LETTER_SUFFIX,
                  error);
              // A negative partition lets the producer choose, so the dead-letter topic may have
              // fewer partitions than the source.
              return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
            });
    var handler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MS, MAX_RETRIES));
    handler.addNotRetryableExceptions(JacksonException.class);
    return handler;
  }
}
