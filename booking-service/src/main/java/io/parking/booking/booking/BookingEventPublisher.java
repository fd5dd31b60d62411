package io.parking.booking.booking;

import io.parking.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** Sends booking events to {@link Topics#BOOKING_EVENTS}, keyed by spot id, after each commit. */
@Component
class BookingEventPublisher {

  private static final Logger log = LoggerFactory.getLogger(BookingEventPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper mapper;

  BookingEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper mapper) {
    this.kafka = kafka;
    this.mapper = mapper;
  }

  // NOTE: an event is lost if the process dies between the commit and the send, or if Kafka
  // rejects it. A transactional outbox will replace this listener: the event row is written in
  // the booking's transaction and relayed to Kafka afterwards.
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void send(PendingBookingEvent event) {
    var envelope = event.envelope();
    var payload = envelope.payload();
    String key = Long.toString(payload.spotId());
    try {
      String json = mapper.writeValueAsString(envelope);
      kafka
          .send(Topics.BOOKING_EVENTS, key, json)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  log.error(
                      "Failed to send {} event {} for booking {} spot {}",
                      envelope.type(),
                      envelope.eventId(),
                      payload.bookingId(),
                      payload.spotId(),
                      error);
                } else {
                  log.debug(
                      "Sent {} event {} for booking {} spot {}",
                      envelope.type(),
                      envelope.eventId(),
                      payload.bookingId(),
                      payload.spotId());
                }
              });
    } catch (RuntimeException e) {
      // The booking is committed already, so failing the HTTP request now would only mislead.
      log.error(
          "Failed to send {} event {} for booking {} spot {}",
          envelope.type(),
          envelope.eventId(),
          payload.bookingId(),
          payload.spotId(),
          e);
    }
  }
}
