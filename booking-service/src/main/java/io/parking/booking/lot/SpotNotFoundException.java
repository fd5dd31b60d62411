package io.parking.booking.lot;

/** No spot has the requested id. */
public class SpotNotFoundException extends RuntimeException {

  public SpotNotFoundException(long spotId) {
    super(
        "Spot "
            + spotId
            + " not found: pick a spot from GET /api/lots/{lotId}/floors/{floorId}/spots.");
  }
}
