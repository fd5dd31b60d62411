package io.parking.notification.web;

/** Thrown by a controller for input that Spring's binding accepted but the API does not. */
public class InvalidRequestException extends RuntimeException {

  private final String field;

  /**
   * @param field request parameter or header that was rejected
   * @param message what is wrong with it, for example {@code must not be blank}
   */
  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
