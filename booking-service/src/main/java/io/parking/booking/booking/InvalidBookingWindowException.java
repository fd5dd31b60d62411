package io.parking.booking.booking;

/**
 * A booking window breaks a rule: its end is not after its start, it starts in the past, it is too
 * long or too far ahead, or a local time does not name exactly one instant in the lot's time zone.
 */
public class InvalidBookingWindowException extends RuntimeException {

  private final String field;
  private final String reason;

  /**
   * @param field request field at fault, {@code startTime} or {@code endTime}
   * @param reason what is wrong with it, for the problem's {@code errors} list
   * @param fix what the caller should send instead
   */
  public InvalidBookingWindowException(String field, String reason, String fix) {
    super(field + " " + reason + ": " + fix);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
