package io.parking.payment.payment;

import java.util.UUID;

/** Thrown when the calling driver has no receipt for the booking, or it is not settled yet. */
public class ReceiptNotFoundException extends RuntimeException {

  private final UUID bookingId;

  ReceiptNotFoundException(UUID bookingId) {
    super(
        "No receipt for booking " + bookingId + " belongs to the driver named by the bearer token");
    this.bookingId = bookingId;
  }

  public UUID bookingId() {
    return bookingId;
  }
}
