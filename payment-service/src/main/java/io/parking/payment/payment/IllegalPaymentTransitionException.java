package io.parking.payment.payment;

import java.util.UUID;

/** Thrown when a payment is asked to move to a status that its current status does not allow. */
public class IllegalPaymentTransitionException extends RuntimeException {

  IllegalPaymentTransitionException(UUID paymentId, PaymentStatus from, PaymentStatus to) {
    super("Payment %s cannot move from %s to %s".formatted(paymentId, from.code(), to.code()));
  }
}
