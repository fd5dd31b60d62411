package io.parking.booking.booking;

/** An {@code Idempotency-Key} came back with a request body other than the one first sent. */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(String key) {
    super(
        "Idempotency-Key '"
            + key
            + "' was already used for a different request: send a new key for a new booking,"
            + " or the original body to fetch the booking it created.");
  }
}
