package io.parking.payment.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of an operator's {@code POST /api/payments/{paymentId}/captures}.
 *
 * @param amountMinor amount to take from the hold, at most the held amount
 */
record CaptureRequest(@NotNull @PositiveOrZero Long amountMinor) {}
