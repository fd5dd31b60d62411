package io.parking.payment.payment;

import java.util.UUID;

/**
 * Thrown when an operator places a hold for a booking that has no hold from {@code
 * booking.reserved}, so the service does not know whose booking it is.
 */
public class BookingNotFoundException extends RuntimeException {

  private final UUID bookingId;

  BookingNotFoundException(UUID bookingId) {
    super(
        "The payment service has no hold from booking.reserved for booking "
            + bookingId
            + ", so it cannot tell whose booking it is. Check the bookingId; a new booking gets"
            + " that hold once its booking.reserved event is processed.");
    this.bookingId = bookingId;
  }

  public UUID bookingId() {
    return bookingId;
  }
}
