package io.parking.booking.lot;

/** The lot has no floor with the requested id. */
public class FloorNotFoundException extends RuntimeException {

  public FloorNotFoundException(long lotId, long floorId) {
    super(
        "Floor "
            + floorId
            + " not found in lot "
            + lotId
            + ": GET /api/lots/"
            + lotId
            + " lists the lot's floors.");
  }
}
