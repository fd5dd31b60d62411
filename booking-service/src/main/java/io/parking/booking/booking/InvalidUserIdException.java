package io.parking.booking.booking;

/** The {@code X-User-Id} header is missing, blank or longer than the database column allows. */
public class InvalidUserIdException extends RuntimeException {

  private final String reason;

  public InvalidUserIdException(String reason) {
    super("Header X-User-Id " + reason + ": send the driver id in the X-User-Id header.");
    this.reason = reason;
  }

  /** Returns what is wrong with the header value, for example {@code is missing or blank}. */
  public String reason() {
    return reason;
  }
}
