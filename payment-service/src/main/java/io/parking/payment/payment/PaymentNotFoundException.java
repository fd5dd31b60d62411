package io.parking.payment.payment;

import java.util.UUID;

/**
 * Thrown when no payment with the requested id exists, or, for a driver, when it belongs to another
 * driver. The message is the problem detail for the caller.
 */
public class PaymentNotFoundException extends RuntimeException {

  private final UUID paymentId;

  private PaymentNotFoundException(UUID paymentId, String message) {
    super(message);
    this.paymentId = paymentId;
  }

  /**
   * Returns the exception for a driver's request: the driver cannot tell an unknown id from another
   * driver's payment.
   */
  static PaymentNotFoundException ofDriver(UUID paymentId) {
    return new PaymentNotFoundException(
        paymentId,
        "No payment with id "
            + paymentId
            + " belongs to the driver named by the bearer token. Look up the payments of a"
            + " booking with GET /api/payments?bookingId=...");
  }

  /** Returns the exception for an operator's request, which may name any payment. */
  static PaymentNotFoundException unknown(UUID paymentId) {
    return new PaymentNotFoundException(
        paymentId,
        "No payment with id "
            + paymentId
            + " exists. Check the id: the payment.* events of the booking on topic"
            + " parking.payment.events carry it.");
  }

  public UUID paymentId() {
    return paymentId;
  }
}
