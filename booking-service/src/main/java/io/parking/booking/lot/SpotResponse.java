package io.parking.booking.lot;

/**
 * A spot with its status, as the spot endpoints return it.
 *
 * @param spotNumber number painted on the spot, {@code <floor>-<NNN>}, for example {@code 2-017}
 * @param type {@code regular}, {@code handicapped} or {@code ev}
 * @param status {@code available}, {@code reserved}, {@code occupied} or {@code out_of_service}
 */
record SpotResponse(
    long spotId, long floorId, long lotId, String spotNumber, String type, String status) {

  static SpotResponse of(SpotView spot) {
    return new SpotResponse(
        spot.spotId(),
        spot.floorId(),
        spot.lotId(),
        spot.spotNumber(),
        spot.type().stored(),
        spot.status().stored());
  }
}
