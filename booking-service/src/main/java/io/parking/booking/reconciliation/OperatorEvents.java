package io.parking.booking.reconciliation;

import io.parking.booking.outbox.Outbox;
import io.parking.booking.outbox.OutboxMessage;
import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
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

  /** Stores the alert; must run inside a transaction. */
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
