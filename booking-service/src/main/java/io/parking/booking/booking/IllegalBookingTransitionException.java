package io.parking.booking.booking;

import java.util.UUID;

/** A lifecycle action is not allowed in the booking's current status; nothing was changed. */
public class IllegalBookingTransitionException extends RuntimeException {

  private final BookingStatus status;

  public IllegalBookingTransitionException(
      UUID bookingId, BookingStatus status, String action, String allowedFrom) {
    super(
        "Booking "
            + bookingId
            + " is "
            + status.stored()
            + " and cannot be "
            + action
            + ": only "
            + allowedFrom
            + " booking can be "
            + action
            + ".");
    this.status = status;
  }

  /** Returns the booking's status, which the rejected action left unchanged. */
  public BookingStatus status() {
    return status;
  }
}
