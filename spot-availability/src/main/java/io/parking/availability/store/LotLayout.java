package io.parking.availability.store;

import java.util.List;

/**
 * A lot's floors and spots with their current states, as the booking database has them. Used to
 * build or rebuild the lot's Redis state.
 */
public record LotLayout(long lotId, List<Floor> floors) {

  public LotLayout {
    floors = List.copyOf(floors);
  }

  /** A floor and its spots. */
  public record Floor(long floorId, int floorNumber, List<Spot> spots) {

    public Floor {
      spots = List.copyOf(spots);
    }
  }

  /** A spot's id, type and states. */
  public record Spot(
      long spotId, BookingState booking, SensorState sensor, SpotType type, boolean inService) {

    /** A regular spot in service. */
    public Spot(long spotId, BookingState booking, SensorState sensor) {
      this(spotId, booking, sensor, SpotType.REGULAR, true);
    }

    boolean isFree() {
      return inService && booking == BookingState.NONE && sensor == SensorState.FREE;
    }
  }
}
