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
   * A spot's states.
   *
   * @param booking {@code none} or {@code reserved}
   * @param sensor {@code free} or {@code occupied}
   */
  record LayoutSpot(long spotId, String booking, String sensor) {

    static LayoutSpot of(SpotView spot) {
      return switch (spot.status()) {
        case AVAILABLE -> new LayoutSpot(spot.spotId(), "none", "free");
        case RESERVED -> new LayoutSpot(spot.spotId(), "reserved", "free");
        case OCCUPIED -> new LayoutSpot(spot.spotId(), "none", "occupied");
        // NOTE: the layout has no out-of-service state, so a closed spot is reported as
        // reserved. That keeps it out of the free count whatever its sensor reads, but readers
        // of the availability state cannot tell it from a booked spot.
        case OUT_OF_SERVICE -> new LayoutSpot(spot.spotId(), "reserved", "free");
      };
    }
  }
}
