package io.parking.payment.provider;

/**
 * Thrown when the card processor rejects a request that breaks its rules, such as a capture of a
 * voided hold or of more than was held.
 */
public class ProviderRejectedException extends RuntimeException {

  public ProviderRejectedException(String message) {
    super(message);
  }
}
