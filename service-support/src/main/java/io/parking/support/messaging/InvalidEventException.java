package io.parking.support.messaging;

/**
 * Thrown for a record that can never be applied (malformed JSON, missing fields). The error handler
 * of {@link KafkaDeadLetters} sends such a record to the dead-letter topic without retrying it.
 */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
