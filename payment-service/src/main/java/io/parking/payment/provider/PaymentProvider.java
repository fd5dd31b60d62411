package io.parking.payment.provider;

/**
 * Port to the card processor. Every call carries an idempotency key: a processor that receives a
 * key it has seen before returns the earlier result and moves no money twice, so a caller that
 * timed out retries with the same key.
 *
 * <p>Every method throws {@link ProviderDeclinedException} when the processor declines and {@link
 * ProviderTimeoutException} when no answer arrived in time (the request may or may not have been
 * applied).
 */
public interface PaymentProvider {

  /**
   * Places a hold of {@code amountMinor} on the driver's card.
   *
   * @param idempotencyKey key of this hold, for example {@code preauth:{bookingId}}
   * @param amountMinor amount in minor units of {@code currency}
   * @param currency ISO 4217 code
   * @return the processor's reference of the hold
   */
  String authorise(String idempotencyKey, long amountMinor, String currency);

  /**
   * Takes up to the held amount; the processor releases the rest of the hold.
   *
   * @param idempotencyKey key of this capture
   * @param authorisationReference reference returned by {@link #authorise}
   * @param amountMinor amount to take, at most the held amount
   * @return the processor's reference of the capture
   * @throws ProviderRejectedException when the hold is voided, already captured or too small
   */
  String capture(String idempotencyKey, String authorisationReference, long amountMinor);

  /**
   * Releases a hold placed by {@link #authorise}.
   *
   * @param idempotencyKey key of this release, for example {@code void:{bookingId}}
   * @param authorisationReference reference returned by {@link #authorise}
   * @throws ProviderRejectedException when the hold was captured
   */
  void voidAuthorisation(String idempotencyKey, String authorisationReference);

  /**
   * Pays captured money back.
   *
   * @param idempotencyKey key of this refund
   * @param captureReference reference returned by {@link #capture}
   * @param amountMinor amount to pay back, at most the captured amount not yet refunded
   * @return the processor's reference of the refund
   * @throws ProviderRejectedException when the amount exceeds what is left to refund
   */
  String refund(String idempotencyKey, String captureReference, long amountMinor);
}
