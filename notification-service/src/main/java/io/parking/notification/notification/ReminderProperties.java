package io.parking.notification.notification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the driver reminders.
 *
 * @param interval how often the reminder job looks for due reminders
 * @param startingSoon how long before a booking's start its driver is reminded
 * @param endingSoon how long before a booking's end its driver is reminded
 */
@Validated
@ConfigurationProperties("parking.notification.reminders")
public record ReminderProperties(
    @NotNull Duration interval, @NotNull Duration startingSoon, @NotNull Duration endingSoon) {}
