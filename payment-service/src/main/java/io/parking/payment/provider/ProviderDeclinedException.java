package io.parking.payment.provider;

/** Thrown when the card processor declines a request, for example for insufficient funds. */
public class ProviderDeclinedException extends RuntimeException {

  public ProviderDeclinedException(String message) {
    super(message);
  }
}
