package io.parking.payment.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/**
 * Body of an operator's {@code POST /api/payments/authorisations}.
 *
 * @param bookingId booking the hold is for
 * @param amountMinor amount to hold in minor units of {@code currency}
 * @param currency ISO 4217 code
 */
record AuthorisationRequest(
    @NotNull UUID bookingId,
    @NotNull @Positive Long amountMinor,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {}
