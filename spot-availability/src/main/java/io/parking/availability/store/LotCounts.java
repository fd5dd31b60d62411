package io.parking.availability.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per floor of one lot, read from Redis. Floors are in floor-number order. Every count is
 * within {@code [0, total]}: a stored counter outside its bounds is clamped and reported as drift.
 *
 * @param lotId the lot
 * @param floors counts per floor
 * @param changes the lot's change counter, raised by every change of a count
 * @param observedAt time of the last change of a count, or of the build; null when unknown
 * @param builtAt when the lot's Redis state was built, as stored; empty when unknown
 */
public record LotCounts(
    long lotId, List<FloorCount> floors, long changes, Instant observedAt, String builtAt) {

  public LotCounts {
    floors = List.copyOf(floors);
    builtAt = builtAt == null ? "" : builtAt;
  }

  /** Counts without a change counter or times. */
  public LotCounts(long lotId, List<FloorCount> floors) {
    this(lotId, floors, 0, null, "");
  }

  /** Free spots of the whole lot. */
  public long free() {
    return floors.stream().mapToLong(FloorCount::free).sum();
  }

  /** Spots of the whole lot. */
  public long total() {
    return floors.stream().mapToLong(FloorCount::total).sum();
  }

  /** Out-of-service spots of the whole lot. */
  public long closed() {
    return floors.stream().mapToLong(FloorCount::closed).sum();
  }

  /** Spots of the whole lot whose sensor is offline. */
  public long unknown() {
    return floors.stream().mapToLong(FloorCount::unknown).sum();
  }

  /** Spots of the whole lot that are in service, known and not free. */
  public long occupied() {
    return floors.stream().mapToLong(FloorCount::occupied).sum();
  }

  /** Free and total spots of the whole lot per type. */
  public Map<SpotType, TypeCount> types() {
    Map<SpotType, TypeCount> sums = new EnumMap<>(SpotType.class);
    for (FloorCount floor : floors) {
      floor.types().forEach((type, count) -> sums.merge(type, count, TypeCount::plus));
    }
    return sums;
  }

  /**
   * Counts of one floor.
   *
   * @param free spots in service, without a live booking, whose sensor reads free
   * @param total spots of the floor
   * @param closed spots out of service
   * @param unknown spots in service whose sensor is offline
   * @param types free and total spots per type; types without spots are absent
   * @param observedAt time of the last change of a count on this floor, null when unknown
   */
  public record FloorCount(
      long floorId,
      int floorNumber,
      long free,
      long total,
      long closed,
      long unknown,
      Map<SpotType, TypeCount> types,
      Instant observedAt) {

    public FloorCount {
      types = Map.copyOf(types);
    }

    /** Free and total spots only. */
    public FloorCount(long floorId, int floorNumber, long free, long total) {
      this(floorId, floorNumber, free, total, 0, 0, Map.of(), null);
    }

    /** Spots in service, with a known sensor state, that are not free. */
    public long occupied() {
      return Math.max(0, total - free - closed - unknown);
    }
  }

  /** Free and total spots of one type. */
  public record TypeCount(long free, long total) {

    TypeCount plus(TypeCount other) {
      return new TypeCount(free + other.free, total + other.total);
    }
  }
}
