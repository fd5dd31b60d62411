package io.parking.availability.availability;

import io.parking.availability.store.LotCounts;
import io.parking.availability.store.SpotType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a lot and of each of its floors, floors in floor-number order. {@code free + occupied +
 * closed + unknown = total}.
 *
 * @param lotId the lot
 * @param status {@code open} (free spots left), {@code full} (none free) or {@code closed} (every
 *     spot out of service)
 * @param free spots in service without a live booking whose sensor reads free
 * @param total spots of the whole lot
 * @param occupied spots in service, booked or with a car
 * @param closed spots out of service
 * @param unknown spots whose sensor is offline, counted as not free
 * @param types free and total spots per type ({@code regular}, {@code handicapped}, {@code ev})
 * @param observedAt time of the last change of a count of the lot, or of its build
 * @param stale true while the lot is being rebuilt in Redis or missing from it: the counts are the
 *     last ones this instance read and may be out of date
 * @param floors counts per floor
 */
record LotAvailability(
    long lotId,
    String status,
    long free,
    long total,
    long occupied,
    long closed,
    long unknown,
    Map<String, TypeAvailability> types,
    Instant observedAt,
    boolean stale,
    List<FloorAvailability> floors) {

  LotAvailability {
    types = Map.copyOf(types);
    floors = List.copyOf(floors);
  }

  static LotAvailability from(LotCounts counts, boolean stale) {
    return new LotAvailability(
        counts.lotId(),
        status(counts.free(), counts.closed(), counts.total()),
        counts.free(),
        counts.total(),
        counts.occupied(),
        counts.closed(),
        counts.unknown(),
        types(counts.types()),
        counts.observedAt(),
        stale,
        counts.floors().stream().map(floor -> FloorAvailability.from(floor, stale)).toList());
  }

  static String status(long free, long closed, long total) {
    if (total > 0 && closed == total) {
      return "closed";
    }
    return free > 0 ? "open" : "full";
  }

  static Map<String, TypeAvailability> types(Map<SpotType, LotCounts.TypeCount> counts) {
    Map<String, TypeAvailability> types = new TreeMap<>();
    counts.forEach(
        (type, count) ->
            types.put(
                type.name().toLowerCase(Locale.ROOT),
                new TypeAvailability(count.free(), count.total())));
    return types;
  }

  /**
   * Counts of one floor, with the same meaning as the lot's.
   *
   * @param floorNumber the floor's number in the building, 0 for the ground floor
   * @param observedAt time of the last change of a count on this floor
   */
  record FloorAvailability(
      long floorId,
      int floorNumber,
      String status,
      long free,
      long total,
      long occupied,
      long closed,
      long unknown,
      Map<String, TypeAvailability> types,
      Instant observedAt,
      boolean stale) {

    FloorAvailability {
      types = Map.copyOf(types);
    }

    static FloorAvailability from(LotCounts.FloorCount count, boolean stale) {
      return new FloorAvailability(
          count.floorId(),
          count.floorNumber(),
          LotAvailability.status(count.free(), count.closed(), count.total()),
          count.free(),
          count.total(),
          count.occupied(),
          count.closed(),
          count.unknown(),
          LotAvailability.types(count.types()),
          count.observedAt(),
          stale);
    }
  }

  /** Free and total spots of one type. */
  record TypeAvailability(long free, long total) {}
}
