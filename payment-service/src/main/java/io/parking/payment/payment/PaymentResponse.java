package io.parking.payment.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the HTTP API returns it.
 *
 * @param paymentId id of the payment
 * @param bookingId booking the payment belongs to
 * @param amountMinor amount in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param method payment method, {@code card}
 * @param status {@code authorised}, {@code voided}, {@code captured}, {@code failed} or {@code
 *     refunded}
 * @param idempotencyKey key sent to the card processor: {@code preauth:{bookingId}} for a hold
 *     placed at booking, the operator's key for one placed over the API
 * @param kind {@code hold} (a pre-authorisation) or {@code charge} (an amount beyond the hold)
 * @param capturedMinor amount taken so far, in minor units
 * @param createdAt when the payment was created
 */
record PaymentResponse(
    UUID paymentId,
    UUID bookingId,
    long amountMinor,
    String currency,
    String method,
    String status,
    String idempotencyKey,
    String kind,
    long capturedMinor,
    Instant createdAt) {

  static PaymentResponse from(Payment payment) {
    return new PaymentResponse(
        payment.getPaymentId(),
        payment.getBookingId(),
        payment.getAmountMinor(),
        payment.getCurrency(),
        payment.getMethod(),
        payment.getStatus().code(),
        payment.getIdempotencyKey(),
        payment.getKind(),
        payment.getCapturedMinor(),
        payment.getCreatedAt());
  }
}
