package io.parking.payment.payment;

/** Thrown when a request lacks the driver id header {@code X-User-Id} or sends it blank. */
public class InvalidUserIdException extends RuntimeException {

  /** Header that names the calling driver. */
  public static final String HEADER = "X-User-Id";

  private final String reason;

  private InvalidUserIdException(String reason, String problem) {
    super(
        "Header '"
            + HEADER
            + "' "
            + problem
            + ". Send the driver id in the "
            + HEADER
            + " header.");
    this.reason = reason;
  }

  static InvalidUserIdException missing() {
    return new InvalidUserIdException("is required", "is missing");
  }

  static InvalidUserIdException blank() {
    return new InvalidUserIdException("must not be blank", "is blank");
  }

  /** Returns the short reason for the {@code errors} entry, such as {@code is required}. */
  public String reason() {
    return reason;
  }
}
