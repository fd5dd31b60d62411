package io.parking.availability.store;

/** Whether a spot is held by a live booking, as stored in the spot's Redis hash. */
public enum BookingState {
  NONE("none"),
  RESERVED("reserved");

  private final String stored;

  BookingState(String stored) {
    this.stored = stored;
  }

  String stored() {
    return stored;
  }
}
