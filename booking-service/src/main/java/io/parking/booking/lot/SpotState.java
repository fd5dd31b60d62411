package io.parking.booking.lot;

/**
 * A spot's status and version as read at the start of a change, with where the spot sits.
 *
 * @param spotId the spot
 * @param floorId the spot's floor
 * @param lotId the floor's lot
 * @param status status when read
 * @param version version when read, which {@link SpotRepository#moveStatus} requires to be
 *     unchanged
 * @param timeZone IANA time zone id of the lot, for example {@code Europe/Berlin}
 */
public record SpotState(
    long spotId, long floorId, long lotId, SpotStatus status, long version, String timeZone) {}
