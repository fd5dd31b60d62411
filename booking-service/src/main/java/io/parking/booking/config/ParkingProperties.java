package io.parking.booking.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code parking.*}.
 *
 * @param demoSeed whether to create the demo lot "City Mall" at start-up when it is absent
 */
@ConfigurationProperties("parking")
public record ParkingProperties(boolean demoSeed) {}
