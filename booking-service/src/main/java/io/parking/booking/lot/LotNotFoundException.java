package io.parking.booking.lot;

/** No lot has the requested id. */
public class LotNotFoundException extends RuntimeException {

  public LotNotFoundException(long lotId) {
    super("Lot " + lotId + " not found: list the lots with GET /api/lots.");
  }
}
