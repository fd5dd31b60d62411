package io.parking.booking.booking;

import java.util.UUID;

/** Only a reserved booking can be cancelled. */
public class BookingNotCancellableException extends RuntimeException {

  public BookingNotCancellableException(UUID bookingId, BookingStatus status) {
    super(
        "Booking "
            + bookingId
            + " is "
            + status.stored()
            + " and cannot be cancelled: only a reserved booking can be cancelled.");
  }
}
