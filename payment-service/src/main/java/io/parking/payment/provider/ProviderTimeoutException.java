package io.parking.payment.provider;

/**
 * Thrown when the card processor did not answer in time. The request may have been applied, so the
 * caller retries with the same idempotency key and gets the original result.
 */
public class ProviderTimeoutException extends RuntimeException {

  public ProviderTimeoutException(String message) {
    super(message);
  }
}
