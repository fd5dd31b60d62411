package io.parking.support.messaging;

import io.parking.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The dead-letter setup of the services' Kafka listeners: a record that keeps failing goes,
 * unchanged, to {@code <topic>}{@value Topics#DEAD_LETTER_SUFFIX}, and the listener moves on to the
 * next record. Each service passes its own retry interval and count.
 */
public final class KafkaDeadLetters {

  private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);

  private KafkaDeadLetters() {}

  /**
   * Creates an error handler that retries a failing record {@code maxRetries} times, {@code
   * retryInterval} apart, then publishes it with {@code template} to its dead-letter topic and logs
   * a warning. A record that throws {@link InvalidEventException} goes there after the first
   * attempt. Add further exception types with {@link
   * DefaultErrorHandler#addNotRetryableExceptions}. Boot's listener container factory uses the
   * handler when the service declares it as a bean.
   *
   * @param template sends the dead letters, so its serializers must accept the records' key and
   *     value as the listener received them
   * @throws IllegalArgumentException when {@code retryInterval} is negative or {@code maxRetries}
   *     is negative
   */
  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template, Duration retryInterval, long maxRetries) {
    if (retryInterval.isNegative()) {
      throw new IllegalArgumentException(
          "retryInterval is " + retryInterval + ": use zero or a positive duration");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "maxRetries is " + maxRetries + ": use 0 for no retry or a positive count");
    }
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, error) -> {
              String deadLetterTopic = topicName(record.topic());
              log.warn(
                  "Kafka record {}-{}@{} with key {} failed, sending it to {}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  deadLetterTopic,
                  listenerFailure(error).toString());
              // A negative partition lets the producer choose one, so the dead-letter topic needs
              // no particular partition count.
              return new TopicPartition(deadLetterTopic, -1);
            });
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer, new FixedBackOff(retryInterval.toMillis(), maxRetries));
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }

  /** Returns what the listener threw, without the container's wrapper around it. */
  private static Throwable listenerFailure(Exception error) {
    if (error instanceof ListenerExecutionFailedException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }

  /** Returns the name of the dead-letter topic of {@code sourceTopic}. */
  public static String topicName(String sourceTopic) {
    return sourceTopic + Topics.DEAD_LETTER_SUFFIX;
  }

  /**
   * Declares the dead-letter topic of {@code sourceTopic} with one partition, for a service whose
   * broker creates no topic on first use. KafkaAdmin leaves a topic that already exists alone, so
   * several consumers of one topic may all declare its dead-letter topic.
   */
  public static NewTopic topic(String sourceTopic) {
    return TopicBuilder.name(topicName(sourceTopic)).partitions(1).build();
  }
}
