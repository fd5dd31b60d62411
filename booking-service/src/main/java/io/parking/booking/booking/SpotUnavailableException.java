package io.parking.booking.booking;

/**
 * The spot cannot be booked for the window: it is out of service, another live booking overlaps the
 * window, or another request changed the spot between this request's read and its update.
 */
public class SpotUnavailableException extends RuntimeException {

  private final long spotId;
  private final String reason;

  public SpotUnavailableException(long spotId, String reason) {
    super("spot no longer available");
    this.spotId = spotId;
    this.reason = reason;
  }

  public long spotId() {
    return spotId;
  }

  /** Returns why, for example {@code another booking overlaps the window}. */
  public String reason() {
    return reason;
  }
}
