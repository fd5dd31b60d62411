package io.parking.payment.payment;

/** Thrown when a required request header is missing, blank or too long. */
public class InvalidHeaderException extends RuntimeException {

  /** Header carrying the client's idempotency key of a request that moves money. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final String header;
  private final String reason;

  InvalidHeaderException(String header, String reason) {
    super(
        "Header '%s' %s. Send a unique key per request, for example a UUID, and repeat it when you retry."
            .formatted(header, reason));
    this.header = header;
    this.reason = reason;
  }

  public String header() {
    return header;
  }

  public String reason() {
    return reason;
  }
}
