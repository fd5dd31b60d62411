package io.parking.booking.lot;

/** Read-only projection of a spot for the HTTP API and the lot layout. */
public record SpotView(
    long spotId, long floorId, long lotId, String spotNumber, SpotType type, SpotStatus status) {}
