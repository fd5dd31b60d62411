package io.parking.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to store in the outbox and send to Kafka later.
 *
 * @param topic Kafka topic to send to, at most {@value #MAX_TOPIC_LENGTH} characters as Kafka
 *     allows
 * @param key Kafka record key, which also orders the events: the relay sends the events of one key
 *     in the order they were stored. At most {@value #MAX_KEY_LENGTH} characters.
 * @param eventId the envelope's event id, unique across the outbox
 * @param type the envelope's logical event type, at most {@value #MAX_TYPE_LENGTH} characters
 * @param payload the JSON sent as the record value, unchanged
 */
public record OutboxMessage(String topic, String key, UUID eventId, String type, String payload) {

  /** Maximum length of a Kafka topic name, and the length of the {@code topic} column. */
  public static final int MAX_TOPIC_LENGTH = 249;

  /** Length of the {@code aggregate_key} column. */
  public static final int MAX_KEY_LENGTH = 64;

  /** Length of the {@code event_type} column. */
  public static final int MAX_TYPE_LENGTH = 64;

  /**
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when the topic, key or type is blank or longer than its column
   */
  public OutboxMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    requireLength("topic", topic, MAX_TOPIC_LENGTH);
    requireLength("key", key, MAX_KEY_LENGTH);
    requireLength("type", type, MAX_TYPE_LENGTH);
  }

  private static void requireLength(String name, String value, int max) {
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(
          "Outbox message "
              + name
              + " must be 1 to "
              + max
              + " characters and not blank, was '"
              + value
              + "' ("
              + value.length()
              + " characters)");
    }
  }
}
