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
 * @param status {@code authorised}, {@code voided}, {@code captured} or {@code failed}
 * @param idempotencyKey key sent to the card processor, {@code preauth:{bookingId}} for a hold
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
        payment.getCreatedAt());
  }
}
