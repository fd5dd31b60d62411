package io.parking.payment.payment;

/** Lifecycle of a payment; {@link #code()} is the value stored in the database and on the wire. */
public enum PaymentStatus {
  AUTHORISED("authorised"),
  VOIDED("voided"),
  CAPTURED("captured"),
  FAILED("failed"),
  REFUNDED("refunded");

  private final String code;

  PaymentStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static PaymentStatus fromCode(String code) {
    for (PaymentStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown payment status: " + code);
  }
}
