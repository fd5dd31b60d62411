package io.parking.availability.store;

import java.util.List;

/** Free and total spots per floor of one lot, read from Redis. Floors are in floor-number order. */
public record LotCounts(long lotId, List<FloorCount> floors) {

  public LotCounts {
    floors = List.copyOf(floors);
  }

  /** Free spots of the whole lot. */
  public long free() {
    return floors.stream().mapToLong(FloorCount::free).sum();
  }

  /** Spots of the whole lot. */
  public long total() {
    return floors.stream().mapToLong(FloorCount::total).sum();
  }

  /** Free and total spots of one floor. */
  public record FloorCount(long floorId, int floorNumber, long free, long total) {}
}
