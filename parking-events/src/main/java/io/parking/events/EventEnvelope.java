package io.parking.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Envelope of every event on the platform's topics.
 *
 * <p>{@code type} is a stable logical name from {@link EventTypes}, never a Java class name. {@code
 * version} starts at 1 and changes only when the payload changes incompatibly; additive fields keep
 * the version. Consumers deduplicate on {@code eventId}.
 *
 * @param eventId unique id of this event, the deduplication key of every consumer
 * @param type logical event type, for example {@code booking.reserved}
 * @param version payload schema version of that type
 * @param occurredAt when the change happened at the producer
 * @param aggregateId id of the booking, spot or payment the event is about
 * @param payload type-specific body
 * @param <P> payload record type
 */
public record EventEnvelope<P>(
    UUID eventId, String type, int version, Instant occurredAt, String aggregateId, P payload) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(payload, "payload");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
  }

  /** Creates a version-1 envelope with a fresh event id, stamped now. */
  public static <P> EventEnvelope<P> of(String type, String aggregateId, P payload) {
    return new EventEnvelope<>(UUID.randomUUID(), type, 1, Instant.now(), aggregateId, payload);
  }
}
