package io.parking.booking.booking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/bookings/any}: book whichever matching spot is free.
 *
 * @param lotId lot to book in
 * @param floorId floor to book on, or null for any floor of the lot
 * @param spotType {@code regular}, {@code handicapped} or {@code ev}, or null for any type
 * @param startTime start of the window, as in {@link ReserveBookingRequest}
 * @param endTime end of the window, as in {@link ReserveBookingRequest}
 */
record ReserveAnyRequest(
    @NotNull Long lotId,
    Long floorId,
    @Pattern(regexp = "regular|handicapped|ev", message = "must be regular, handicapped or ev")
        String spotType,
    @NotNull BookingTime startTime,
    @NotNull BookingTime endTime) {

  /** Returns the request in one canonical line, the input of the idempotency request hash. */
  String canonical() {
    return "any|"
        + lotId
        + "|"
        + floorId
        + "|"
        + spotType
        + "|"
        + startTime.text()
        + "|"
        + endTime.text();
  }
}
