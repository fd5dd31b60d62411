package io.parking.availability.availability;

import io.parking.availability.store.LotCounts;
import java.util.List;

/**
 * Free and total spots of a lot and of each of its floors, floors in floor-number order.
 *
 * @param lotId the lot
 * @param free free spots of the whole lot
 * @param total spots of the whole lot
 * @param floors counts per floor
 */
record LotAvailability(long lotId, long free, long total, List<FloorAvailability> floors) {

  LotAvailability {
    floors = List.copyOf(floors);
  }

  static LotAvailability from(LotCounts counts) {
    return new LotAvailability(
        counts.lotId(),
        counts.free(),
        counts.total(),
        counts.floors().stream().map(FloorAvailability::from).toList());
  }

  /**
   * Free and total spots of one floor.
   *
   * @param floorId the floor
   * @param floorNumber the floor's number in the building, 0 for the ground floor
   * @param free spots without a live booking whose sensor reads free
   * @param total spots of the floor
   */
  record FloorAvailability(long floorId, int floorNumber, long free, long total) {

    static FloorAvailability from(LotCounts.FloorCount count) {
      return new FloorAvailability(
          count.floorId(), count.floorNumber(), count.free(), count.total());
    }
  }
}
