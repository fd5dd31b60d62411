package io.parking.notification.messaging;

/**
 * Thrown for a record that can never be applied (malformed JSON, missing fields). The Kafka error
 * handler sends such a record to the dead-letter topic without retrying it.
 */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
