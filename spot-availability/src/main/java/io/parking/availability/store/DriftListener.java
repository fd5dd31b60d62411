package io.parking.availability.store;

/**
 * Receives every counter the store found outside its bounds or different from a recount, after the
 * store corrected it (or, on a read, clamped the value it returns).
 */
@FunctionalInterface
public interface DriftListener {

  /** A listener that ignores drift; the store still logs it. */
  DriftListener NONE = (kind, lotId, floorId) -> {};

  /**
   * Called once per corrected counter.
   *
   * @param kind {@code out-of-bounds} (a counter below 0 or above the floor's total) or {@code
   *     recount} (a counter that differed from a recount of the spot states)
   */
  void onDrift(String kind, long lotId, long floorId);
}
