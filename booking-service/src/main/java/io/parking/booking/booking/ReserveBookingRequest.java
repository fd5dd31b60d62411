package io.parking.booking.booking;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/bookings}.
 *
 * @param spotId spot to reserve
 * @param startTime start of the window, inclusive: an instant with offset, or a local date-time
 *     read in the lot's time zone
 * @param endTime end of the window, exclusive, in the same forms
 */
record ReserveBookingRequest(
    @NotNull Long spotId, @NotNull BookingTime startTime, @NotNull BookingTime endTime) {

  /** Returns the request in one canonical line, the input of the idempotency request hash. */
  String canonical() {
    return "spot|" + spotId + "|" + startTime.text() + "|" + endTime.text();
  }
}
