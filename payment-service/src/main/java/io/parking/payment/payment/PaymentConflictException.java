package io.parking.payment.payment;

import java.util.UUID;

/**
 * Thrown when a request conflicts with the payment's state, for example a capture of a voided hold
 * or a second live hold for one booking.
 */
public class PaymentConflictException extends RuntimeException {

  private final UUID bookingId;

  PaymentConflictException(UUID bookingId, String message) {
    super(message);
    this.bookingId = bookingId;
  }

  public UUID bookingId() {
    return bookingId;
  }
}
