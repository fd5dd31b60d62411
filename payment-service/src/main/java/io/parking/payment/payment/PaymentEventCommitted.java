package io.parking.payment.payment;

import io.parking.events.EventEnvelope;

/**
 * Application event carrying a payment event to send once the transaction that caused it commits.
 *
 * @param envelope the event as it goes on the wire, with a {@code PaymentChanged} or {@code
 *     PaymentReceipt} payload
 */
record PaymentEventCommitted(EventEnvelope<?> envelope) {}
