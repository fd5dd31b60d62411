package io.parking.payment.payment;

/**
 * Thrown when a well-formed request breaks a payment rule, such as a capture above the held amount
 * or a request the card processor declined.
 */
public class PaymentRuleException extends RuntimeException {

  private final String kind;

  PaymentRuleException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Returns the problem kind, the last segment of the problem type URI. */
  public String kind() {
    return kind;
  }
}
