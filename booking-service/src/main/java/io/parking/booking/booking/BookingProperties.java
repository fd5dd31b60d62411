package io.parking.booking.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code parking.booking.*}: the rules a booking window must follow, the no-show
 * expiry and the "any spot" search.
 *
 * @param pastTolerance how far in the past a booking may start, to allow for clock skew and slow
 *     networks
 * @param maxLength maximum length of a booking window
 * @param horizon how far ahead of now a booking window may end
 * @param noShowGrace time after a booking's start after which an unchecked reservation expires
 * @param checkInOpensBefore how long before its start a booking can be checked in
 * @param expiryInterval pause between two runs of the no-show expiry job
 * @param anySpotAttempts maximum spots an "any spot" request tries before giving up
 * @param anySpotCandidates number of free spots, in spot order, among which an "any spot" request
 *     picks at random, so that concurrent requests spread over different spots
 */
@ConfigurationProperties("parking.booking")
public record BookingProperties(
    @DefaultValue("5m") Duration pastTolerance,
    @DefaultValue("24h") Duration maxLength,
    @DefaultValue("90d") Duration horizon,
    @DefaultValue("15m") Duration noShowGrace,
    @DefaultValue("15m") Duration checkInOpensBefore,
    @DefaultValue("1m") Duration expiryInterval,
    @DefaultValue("5") int anySpotAttempts,
    @DefaultValue("20") int anySpotCandidates) {}
