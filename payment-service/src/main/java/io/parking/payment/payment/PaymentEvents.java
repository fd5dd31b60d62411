package io.parking.payment.payment;

import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import io.parking.events.Topics;
import io.parking.outbox.Outbox;
import io.parking.outbox.OutboxMessage;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores payment events in the outbox for {@link Topics#PAYMENT_EVENTS}, keyed by booking id, in
 * the transaction that changes the payment. The outbox relay sends them once that transaction has
 * committed, so a rolled-back change sends nothing, and a committed one is sent even when Kafka is
 * down at the time or the process stops right after the commit. The events of one booking reach
 * Kafka in the order their transactions committed.
 */
@Component
class PaymentEvents {

  private final Outbox outbox;
  private final JsonMapper mapper;
  private final EntityManager entityManager;

  PaymentEvents(Outbox outbox, JsonMapper mapper, EntityManager entityManager) {
    this.outbox = outbox;
    this.mapper = mapper;
    this.entityManager = entityManager;
  }

  /** Stores an event of {@code type} about the payment in its current state. */
  @Transactional(propagation = Propagation.MANDATORY)
  void changed(String type, Payment payment) {
    changed(type, payment, payment.getAmountMinor(), payment.getStatus().code());
  }

  /** Stores an event of {@code type} about the payment with the given amount and status. */
  @Transactional(propagation = Propagation.MANDATORY)
  void changed(String type, Payment payment, long amountMinor, String status) {
    PaymentChanged change =
        new PaymentChanged(
            payment.getPaymentId(),
            payment.getBookingId(),
            payment.getUserId(),
            amountMinor,
            payment.getCurrency(),
            status);
    append(EventEnvelope.of(type, payment.getBookingId().toString(), change));
  }

  /** Stores the receipt of a paid settlement. */
  @Transactional(propagation = Propagation.MANDATORY)
  void receiptIssued(Settlement settlement, List<PaymentReceipt.Line> lines) {
    PaymentReceipt receipt =
        new PaymentReceipt(
            settlement.getReceiptId(),
            settlement.getBookingId(),
            settlement.getUserId(),
            settlement.getLotId(),
            settlement.getSpotId(),
            settlement.getWindowStart(),
            settlement.getWindowEnd(),
            settlement.getEntryTime(),
            settlement.getExitTime(),
            settlement.getAmountMinor(),
            settlement.getCurrency(),
            lines);
    append(
        EventEnvelope.of(
            EventTypes.PAYMENT_RECEIPT_ISSUED, settlement.getBookingId().toString(), receipt));
  }

  private void append(EventEnvelope<?> envelope) {
    // The outbox locks the booking id until the commit. Writing the pending payment and
    // settlement changes first takes their row locks before that lock, as every transaction here
    // does. Taking a row lock after the booking's lock could deadlock with a transaction that has
    // the row and waits for the booking's lock.
    entityManager.flush();
    outbox.append(
        new OutboxMessage(
            Topics.PAYMENT_EVENTS,
            envelope.aggregateId(),
            envelope.eventId(),
            envelope.type(),
            mapper.writeValueAsString(envelope)));
  }
}
