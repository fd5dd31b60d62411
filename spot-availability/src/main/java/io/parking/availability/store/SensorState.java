package io.parking.availability.store;

/** What the spot's sensor last reported, as stored in the spot's Redis hash. */
public enum SensorState {
  FREE("free"),
  OCCUPIED("occupied"),
  /** The sensor is offline, so the spot counts as not free and is reported as unknown. */
  UNKNOWN("unknown");

  private final String stored;

  SensorState(String stored) {
    this.stored = stored;
  }

  String stored() {
    return stored;
  }
}
