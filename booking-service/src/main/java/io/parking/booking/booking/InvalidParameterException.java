package io.parking.booking.booking;

/** A query parameter or header has an invalid value. */
public class InvalidParameterException extends RuntimeException {

  private final String name;
  private final String reason;

  public InvalidParameterException(String name, String reason) {
    super("Parameter '" + name + "' " + reason + ".");
    this.name = name;
    this.reason = reason;
  }

  public String name() {
    return name;
  }

  public String reason() {
    return reason;
  }
}
