package io.parking.booking.reconciliation;

import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
import io.parking.outbox.Outbox;
import io.parking.outbox.OutboxMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores operator alerts in the outbox for {@link Topics#OPERATOR_EVENTS}, keyed by spot id, in the
 * transaction of the record they announce.
 */
@Component
public class OperatorEvents {

  private final Outbox outbox;
  private final JsonMapper mapper;

  OperatorEvents(Outbox outbox, JsonMapper mapper) {
    this.outbox = outbox;
    this.mapper = mapper;
  }

  /**
   * Stores the alert. Must run inside a transaction on the service's DataSource, as {@link
   * Outbox#append} requires.
   */
  public <P> void publish(String type, long spotId, P payload) {
    String key = Long.toString(spotId);
    EventEnvelope<P> envelope = EventEnvelope.of(type, key, payload);
    outbox.append(
        new OutboxMessage(
            Topics.OPERATOR_EVENTS,
            key,
            envelope.eventId(),
            envelope.type(),
            mapper.writeValueAsString(envelope)));
  }
}
