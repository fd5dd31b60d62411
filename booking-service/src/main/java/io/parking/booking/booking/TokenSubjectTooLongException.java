package io.parking.booking.booking;

/**
 * The bearer token's subject, which this service stores as the driver id, is longer than the {@code
 * bookings.user_id} column allows.
 */
public class TokenSubjectTooLongException extends RuntimeException {

  private final int maxLength;

  public TokenSubjectTooLongException(int length, int maxLength) {
    super(
        "The bearer token's subject (sub claim) is "
            + length
            + " characters long, but driver ids are at most "
            + maxLength
            + " characters: use a token whose subject is at most "
            + maxLength
            + " characters.");
    this.maxLength = maxLength;
  }

  public int maxLength() {
    return maxLength;
  }
}
