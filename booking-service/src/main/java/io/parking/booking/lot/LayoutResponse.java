package io.parking.booking.lot;

import java.util.List;

/**
 * A lot's floors and spots with the booking and sensor state of each spot, the input from which the
 * availability service builds its Redis state.
 */
record LayoutResponse(long lotId, List<LayoutFloor> floors) {

  LayoutResponse {
    floors = List.copyOf(floors);
  }

  /** A floor and its spots. */
  record LayoutFloor(long floorId, int floorNumber, List<LayoutSpot> spots) {

    LayoutFloor {
      spots = List.copyOf(spots);
    }
  }

  /**
   * A spot's type and states.
   *
   * @param booking {@code none} or {@code reserved}
   * @param sensor {@code free} or {@code occupied}
   * @param type {@code regular}, {@code handicapped} or {@code ev}
   * @param inService false for a spot out of service, which counts as closed, not occupied
   */
  record LayoutSpot(long spotId, String booking, String sensor, String type, boolean inService) {

    static LayoutSpot of(SpotView spot) {
      String type = spot.type().stored();
      return switch (spot.status()) {
        case AVAILABLE -> new LayoutSpot(spot.spotId(), "none", "free", type, true);
        case RESERVED -> new LayoutSpot(spot.spotId(), "reserved", "free", type, true);
        case OCCUPIED -> new LayoutSpot(spot.spotId(), "none", "occupied", type, true);
        case OUT_OF_SERVICE -> new LayoutSpot(spot.spotId(), "none", "free", type, false);
      };
    }
  }
}
