package io.parking.booking.lot;

/** A version-guarded spot update matched no row: another transaction changed the spot first. */
public class SpotVersionConflictException extends RuntimeException {

  public SpotVersionConflictException(long spotId, long expectedVersion) {
    super(
        "Spot "
            + spotId
            + " was changed by another request (expected version "
            + expectedVersion
            + "); retry the request.");
  }
}
