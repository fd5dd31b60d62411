package io.parking.booking.booking;

import java.util.UUID;

/** No booking with this id belongs to the requesting driver. */
public class BookingNotFoundException extends RuntimeException {

  public BookingNotFoundException(UUID bookingId) {
    super("Booking " + bookingId + " not found for the driver of the bearer token.");
  }
}
