package io.parking.booking.booking;

import io.parking.events.Topics;
import io.parking.outbox.Outbox;
import io.parking.outbox.OutboxMessage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each booking event in the outbox, in the transaction that changed the booking, for {@link
 * Topics#BOOKING_EVENTS} keyed by spot id. The outbox relay sends it once that transaction has
 * committed, so a rolled-back change sends nothing and a committed one is sent even if Kafka is
 * down at the time or the process stops right after the commit.
 */
@Component
class BookingEventPublisher {

  private final Outbox outbox;
  private final JsonMapper mapper;

  BookingEventPublisher(Outbox outbox, JsonMapper mapper) {
    this.outbox = outbox;
    this.mapper = mapper;
  }

  /**
   * Runs synchronously inside the publisher's transaction. Publishing outside a transaction, or in
   * one that does not manage the service's DataSource, fails with {@link
   * org.springframework.transaction.IllegalTransactionStateException}.
   */
  @EventListener
  void store(PendingBookingEvent event) {
    var envelope = event.envelope();
    String key = Long.toString(envelope.payload().spotId());
    outbox.append(
        new OutboxMessage(
            Topics.BOOKING_EVENTS,
            key,
            envelope.eventId(),
            envelope.type(),
            mapper.writeValueAsString(envelope)));
  }
}
