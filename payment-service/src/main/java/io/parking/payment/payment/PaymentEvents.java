package io.parking.payment.payment;

import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Queues payment events to be sent after the current transaction commits. */
@Component
class PaymentEvents {

  private final ApplicationEventPublisher applicationEvents;

  PaymentEvents(ApplicationEventPublisher applicationEvents) {
    this.applicationEvents = applicationEvents;
  }

  /** Queues an event of {@code type} about the payment in its current state. */
  void changed(String type, Payment payment) {
    changed(type, payment, payment.getAmountMinor(), payment.getStatus().code());
  }

  /** Queues an event of {@code type} about the payment with the given amount and status. */
  void changed(String type, Payment payment, long amountMinor, String status) {
    PaymentChanged change =
        new PaymentChanged(
            payment.getPaymentId(),
            payment.getBookingId(),
            payment.getUserId(),
            amountMinor,
            payment.getCurrency(),
            status);
    applicationEvents.publishEvent(
        new PaymentEventCommitted(
            EventEnvelope.of(type, payment.getBookingId().toString(), change)));
  }

  /** Queues the receipt of a paid settlement. */
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
    applicationEvents.publishEvent(
        new PaymentEventCommitted(
            EventEnvelope.of(
                EventTypes.PAYMENT_RECEIPT_ISSUED, settlement.getBookingId().toString(), receipt)));
  }
}
