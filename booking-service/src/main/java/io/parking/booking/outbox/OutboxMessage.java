package io.parking.booking.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to store in the outbox and send to Kafka later.
 *
 * @param topic Kafka topic to send to
 * @param key Kafka record key, which also orders the events: the relay sends the events of one key
 *     in the order they were stored
 * @param eventId the envelope's event id, unique across the outbox
 * @param type the envelope's logical event type
 * @param payload the JSON sent as the record value, unchanged
 */
public record OutboxMessage(String topic, String key, UUID eventId, String type, String payload) {

  public OutboxMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
