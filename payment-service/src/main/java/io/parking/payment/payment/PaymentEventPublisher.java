package io.parking.payment.payment;

import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends payment events to {@link Topics#PAYMENT_EVENTS}, keyed by booking id, after the payment
 * change commits.
 *
 * <p>NOTE: an event is lost when the process stops between the commit and the send, or when the
 * send fails; a transactional outbox replaces this after-commit publishing later.
 */
@Component
class PaymentEventPublisher {

  private static final Logger log = LoggerFactory.getLogger(PaymentEventPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper mapper;

  PaymentEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper mapper) {
    this.kafka = kafka;
    this.mapper = mapper;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void publish(PaymentEventCommitted committed) {
    EventEnvelope<?> envelope = committed.envelope();
    String bookingId = envelope.aggregateId();
    kafka
        .send(Topics.PAYMENT_EVENTS, bookingId, mapper.writeValueAsString(envelope))
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                log.error(
                    "Failed to send {} event {} for booking {}",
                    envelope.type(),
                    envelope.eventId(),
                    bookingId,
                    error);
              } else {
                log.debug(
                    "Sent {} event {} for booking {}",
                    envelope.type(),
                    envelope.eventId(),
                    bookingId);
              }
            });
  }
}
