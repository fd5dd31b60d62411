package io.parking.availability.store;

/**
 * Result of applying one state change to a spot.
 *
 * @param spotId the spot that was changed
 * @param outcome how the spot's availability moved
 * @param lotId the spot's lot, 0 when the spot is unknown
 * @param floorId the spot's floor, 0 when the spot is unknown
 */
public record SpotUpdate(long spotId, Outcome outcome, long lotId, long floorId) {

  /** How a change moved the floor's free counter. */
  public enum Outcome {
    /** The spot became free: the counter went up by one. */
    FREED,
    /** The spot stopped being free: the counter went down by one. */
    TAKEN,
    /** The spot's state changed or was confirmed, its availability did not: no counter moved. */
    UNCHANGED,
    /** No spot with this id is registered in Redis: nothing was written. */
    UNKNOWN_SPOT
  }
}
