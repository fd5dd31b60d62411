package io.parking.booking.lot;

import java.math.BigDecimal;
import java.util.List;

/**
 * A lot with its floors, as {@code GET /api/lots} returns it.
 *
 * @param id lot id
 * @param code unique slug of the lot, for example {@code city-mall}
 * @param timeZone IANA time zone id of the lot, for example {@code Europe/Berlin}
 * @param totalSpots number of spots over all floors
 */
record LotResponse(
    long id,
    String code,
    String name,
    String address,
    BigDecimal lat,
    BigDecimal lng,
    String timeZone,
    int totalSpots,
    List<FloorResponse> floors) {

  LotResponse {
    floors = List.copyOf(floors);
  }

  static LotResponse of(Lot lot) {
    List<FloorResponse> floors =
        lot.getFloors().stream()
            .map(
                floor ->
                    new FloorResponse(floor.getId(), floor.getFloorNumber(), floor.getSpotCount()))
            .toList();
    return new LotResponse(
        lot.getId(),
        lot.getCode(),
        lot.getName(),
        lot.getAddress(),
        lot.getLat(),
        lot.getLng(),
        lot.getTimeZone(),
        lot.getTotalSpots(),
        floors);
  }

  /** A floor of a lot. */
  record FloorResponse(long floorId, int floorNumber, int spotCount) {}
}
