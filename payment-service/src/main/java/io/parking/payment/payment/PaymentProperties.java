package io.parking.payment.payment;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Pricing of pre-authorisation holds ({@code parking.payment.*}).
 *
 * @param hourlyRateMinor price of one started hour in minor units of {@code currency}
 * @param currency ISO 4217 code of every hold, for example {@code EUR}
 */
@Validated
@ConfigurationProperties("parking.payment")
public record PaymentProperties(
    @Positive long hourlyRateMinor,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {}
