package io.parking.payment.payment;

import java.util.UUID;

/**
 * Thrown when the calling driver has no payment with the requested id, because the id is unknown or
 * the payment belongs to another driver.
 */
public class PaymentNotFoundException extends RuntimeException {

  private final UUID paymentId;

  PaymentNotFoundException(UUID paymentId) {
    super("No payment with id " + paymentId + " for the driver named by the bearer token");
    this.paymentId = paymentId;
  }

  public UUID paymentId() {
    return paymentId;
  }
}
