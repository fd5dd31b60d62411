package io.parking.notification.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator notifications.
 *
 * @param operatorUserId user id whose in-app feed ({@code X-User-Id}) gets the operator alerts
 */
@Validated
@ConfigurationProperties("parking.notification")
public record OperatorProperties(@NotBlank String operatorUserId) {}
