package io.parking.payment.payment;

import io.parking.events.EventEnvelope;
import io.parking.events.PaymentChanged;

/**
 * Application event carrying a payment event to send once the transaction that caused it commits.
 *
 * @param envelope the event as it goes on the wire
 */
record PaymentEventCommitted(EventEnvelope<PaymentChanged> envelope) {}
