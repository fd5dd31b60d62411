package io.parking.availability.store;

/** Kind of a spot, as stored in the spot's Redis hash. Free counts are kept per type. */
public enum SpotType {
  REGULAR("regular"),
  HANDICAPPED("handicapped"),
  EV("ev");

  private final String stored;

  SpotType(String stored) {
    this.stored = stored;
  }

  String stored() {
    return stored;
  }

  static SpotType fromStored(String value) {
    for (SpotType type : values()) {
      if (type.stored.equals(value)) {
        return type;
      }
    }
    return REGULAR;
  }
}
