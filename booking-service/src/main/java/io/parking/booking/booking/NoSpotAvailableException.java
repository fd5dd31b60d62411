package io.parking.booking.booking;

/** No spot matching an "any spot" request is free for the requested window. */
public class NoSpotAvailableException extends RuntimeException {

  public NoSpotAvailableException(String detail) {
    super(detail);
  }
}
