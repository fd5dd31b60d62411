package io.parking.payment.provider;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Behaviour of the sandbox card processor ({@code parking.payment.sandbox.*}).
 *
 * @param declineAboveMinor the sandbox declines every hold above this amount in minor units
 */
@Validated
@ConfigurationProperties("parking.payment.sandbox")
public record SandboxProperties(@PositiveOrZero long declineAboveMinor) {}
