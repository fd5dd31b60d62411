package io.parking.notification.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator notifications.
 *
 * @param operatorUserId user id whose in-app feed gets the operator alerts: the subject of the
 *     operator token that reads them
 */
@Validated
@ConfigurationProperties("parking.notification")
public record OperatorProperties(@NotBlank String operatorUserId) {}
