package io.parking.booking.booking;

import java.time.Instant;

/** A booking's {@code endTime} is not after its {@code startTime}. */
public class InvalidBookingWindowException extends RuntimeException {

  public InvalidBookingWindowException(Instant startTime, Instant endTime) {
    super(
        "endTime "
            + endTime
            + " is not after startTime "
            + startTime
            + ": send an endTime later than the startTime.");
  }
}
