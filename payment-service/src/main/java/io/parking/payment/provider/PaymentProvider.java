package io.parking.payment.provider;

/**
 * Card processor that places and releases pre-authorisation holds. Every call carries an
 * idempotency key: a processor receiving a key it has seen before returns the earlier result and
 * moves no money twice.
 */
public interface PaymentProvider {

  /**
   * Places a hold of {@code amountMinor} on the driver's card.
   *
   * @param idempotencyKey key of this hold, for example {@code preauth:{bookingId}}
   * @param amountMinor amount in minor units of {@code currency}
   * @param currency ISO 4217 code
   * @return whether the processor approved or declined the hold
   */
  AuthorisationOutcome authorise(String idempotencyKey, long amountMinor, String currency);

  /**
   * Releases a hold placed by {@link #authorise}.
   *
   * @param idempotencyKey key of this release, for example {@code void:{bookingId}}
   * @param authorisationKey idempotency key the hold was placed with
   */
  void voidAuthorisation(String idempotencyKey, String authorisationKey);

  /** Result of an authorisation request. */
  enum AuthorisationOutcome {
    APPROVED,
    DECLINED
  }
}
