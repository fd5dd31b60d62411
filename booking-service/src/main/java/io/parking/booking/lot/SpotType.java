package io.parking.booking.lot;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Kind of a spot, stored in lower case. */
public enum SpotType {
  REGULAR("regular"),
  HANDICAPPED("handicapped"),
  EV("ev");

  private final String stored;

  SpotType(String stored) {
    this.stored = stored;
  }

  /** Returns the value stored in the {@code spots.type} column and sent in JSON. */
  public String stored() {
    return stored;
  }

  static SpotType fromStored(String stored) {
    return Arrays.stream(values())
        .filter(type -> type.stored.equals(stored))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown spot type: " + stored));
  }

  @Converter(autoApply = true)
  public static class JpaConverter implements AttributeConverter<SpotType, String> {

    @Override
    public String convertToDatabaseColumn(SpotType type) {
      return type == null ? null : type.stored;
    }

    @Override
    public SpotType convertToEntityAttribute(String stored) {
      return stored == null ? null : fromStored(stored);
    }
  }
}
