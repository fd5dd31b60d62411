package io.parking.availability.lot;

import io.parking.availability.store.BookingState;
import io.parking.availability.store.LotLayout;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Body of the booking service's {@code GET /internal/lots/{lotId}/layout}. Fields not listed here
 * are ignored.
 *
 * @param lotId the lot
 * @param floors the lot's floors with their spots
 */
record LayoutResponse(Long lotId, List<FloorResponse> floors) {

  /**
   * A floor of the layout.
   *
   * @param floorId the floor
   * @param floorNumber the floor's number in the building
   * @param spots the floor's spots
   */
  record FloorResponse(Long floorId, Integer floorNumber, List<SpotResponse> spots) {}

  /**
   * A spot of the layout. {@code type} and {@code inService} are optional: the booking service does
   * not send them yet, so a spot without them is a regular spot in service.
   *
   * @param spotId the spot
   * @param booking {@code none} or {@code reserved}
   * @param sensor {@code free}, {@code occupied} or {@code unknown}
   * @param type {@code regular}, {@code handicapped} or {@code ev}
   * @param inService false for a spot out of service
   */
  record SpotResponse(Long spotId, String booking, String sensor, String type, Boolean inService) {}

  /**
   * Converts the response into the store's layout.
   *
   * @param requestedLotId the lot whose layout was requested
   * @throws InvalidLayoutException when a field is missing, a state is not one of the documented
   *     values, or the layout belongs to another lot
   */
  LotLayout toLotLayout(long requestedLotId) {
    if (lotId == null || lotId != requestedLotId) {
      throw new InvalidLayoutException(
          "layout requested for lot " + requestedLotId + " has lotId " + lotId);
    }
    if (floors == null) {
      throw new InvalidLayoutException("layout of lot " + lotId + " has no floors list");
    }
    return new LotLayout(lotId, floors.stream().map(this::toFloor).toList());
  }

  private LotLayout.Floor toFloor(FloorResponse floor) {
    if (floor.floorId() == null || floor.floorNumber() == null || floor.spots() == null) {
      throw new InvalidLayoutException(
          "layout of lot "
              + lotId
              + " has a floor without floorId, floorNumber or spots: floorId "
              + floor.floorId());
    }
    return new LotLayout.Floor(
        floor.floorId(),
        floor.floorNumber(),
        floor.spots().stream().map(spot -> toSpot(floor.floorId(), spot)).toList());
  }

  private LotLayout.Spot toSpot(long floorId, SpotResponse spot) {
    if (spot.spotId() == null) {
      throw new InvalidLayoutException(
          "layout of lot " + lotId + " has a spot without spotId on floor " + floorId);
    }
    return new LotLayout.Spot(
        spot.spotId(),
        parseState(BookingState.class, spot.spotId(), "booking", spot.booking()),
        parseState(SensorState.class, spot.spotId(), "sensor", spot.sensor()),
        spot.type() == null
            ? SpotType.REGULAR
            : parseState(SpotType.class, spot.spotId(), "type", spot.type()),
        spot.inService() == null || spot.inService());
  }

  /** Parses a lower-case state name, such as {@code reserved}, into its enum constant. */
  private <E extends Enum<E>> E parseState(
      Class<E> stateType, long spotId, String field, String value) {
    for (E state : stateType.getEnumConstants()) {
      if (state.name().toLowerCase(Locale.ROOT).equals(value)) {
        return state;
      }
    }
    throw new InvalidLayoutException(
        "layout of lot "
            + lotId
            + " has spot "
            + spotId
            + " with invalid "
            + field
            + " state '"
            + value
            + "', expected one of "
            + Arrays.stream(stateType.getEnumConstants())
                .map(state -> state.name().toLowerCase(Locale.ROOT))
                .toList());
  }
}
