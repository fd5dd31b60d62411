package io.parking.booking.booking;

import java.util.UUID;

/** Only a reserved booking can be cancelled. */
public class BookingNotCancellableException extends IllegalBookingTransitionException {

  public BookingNotCancellableException(UUID bookingId, BookingStatus status) {
    super(bookingId, status, "cancelled", "a reserved");
  }
}
