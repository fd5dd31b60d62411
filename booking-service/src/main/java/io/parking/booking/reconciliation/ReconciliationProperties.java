package io.parking.booking.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code parking.reconciliation.*}.
 *
 * @param overstayGrace how long after an active booking's end its car may stay before the booking
 *     is flagged as an overstay
 * @param overstayCheckInterval pause between two searches for overstays
 */
@ConfigurationProperties("parking.reconciliation")
public record ReconciliationProperties(
    @DefaultValue("15m") Duration overstayGrace,
    @DefaultValue("1m") Duration overstayCheckInterval) {}
