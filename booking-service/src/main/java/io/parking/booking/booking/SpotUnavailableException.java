package io.parking.booking.booking;

/**
 * The spot cannot be reserved: its status is not {@code available}, or another driver reserved it
 * between this request's read and its update.
 */
public class SpotUnavailableException extends RuntimeException {

  private final long spotId;

  public SpotUnavailableException(long spotId) {
    super("spot no longer available");
    this.spotId = spotId;
  }

  public long spotId() {
    return spotId;
  }
}
