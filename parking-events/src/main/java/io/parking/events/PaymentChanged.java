package io.parking.events;

import java.util.UUID;

/**
 * Payload of the payment events ({@code payment.authorised}, {@code payment.voided}, {@code
 * payment.captured}, {@code payment.failed}, {@code payment.refunded}).
 *
 * @param paymentId payment the event is about
 * @param bookingId booking the payment belongs to
 * @param userId driver who pays
 * @param amountMinor amount in minor units of the currency (cents)
 * @param currency ISO 4217 currency code
 * @param status payment status after the change, lower case
 */
public record PaymentChanged(
    UUID paymentId,
    UUID bookingId,
    String userId,
    long amountMinor,
    String currency,
    String status) {}
