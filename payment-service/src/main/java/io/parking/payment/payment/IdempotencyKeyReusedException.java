package io.parking.payment.payment;

/** Thrown when an idempotency key comes back with a request that differs from its first use. */
public class IdempotencyKeyReusedException extends RuntimeException {

  private final String idempotencyKey;

  IdempotencyKeyReusedException(String idempotencyKey, String difference) {
    super(
        "Idempotency-Key '%s' was first used with another request: %s. Send a new key for a new request."
            .formatted(idempotencyKey, difference));
    this.idempotencyKey = idempotencyKey;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }
}
