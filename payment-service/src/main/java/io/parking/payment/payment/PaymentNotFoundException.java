package io.parking.payment.payment;

import java.util.UUID;

/** Thrown when no payment has the requested id. */
public class PaymentNotFoundException extends RuntimeException {

  private final UUID paymentId;

  PaymentNotFoundException(UUID paymentId) {
    super("No payment with id " + paymentId);
    this.paymentId = paymentId;
  }

  public UUID paymentId() {
    return paymentId;
  }
}
