package io.parking.booking.booking;

import java.time.Instant;
import java.util.UUID;

/** A check-in came too early before the booking's start, or after its end. */
public class CheckInNotOpenException extends RuntimeException {

  public CheckInNotOpenException(UUID bookingId, Instant opensAt, Instant endTime) {
    super(
        "Booking "
            + bookingId
            + " can be checked in from "
            + opensAt
            + " until its end "
            + endTime
            + ": check in within that time.");
  }
}
