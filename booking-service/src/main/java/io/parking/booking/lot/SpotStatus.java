package io.parking.booking.lot;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Status of a spot, stored in lower case ({@code out_of_service}). */
public enum SpotStatus {
  AVAILABLE("available"),
  RESERVED("reserved"),
  OCCUPIED("occupied"),
  OUT_OF_SERVICE("out_of_service");

  private final String stored;

  SpotStatus(String stored) {
    this.stored = stored;
  }

  /** Returns the value stored in the {@code spots.status} column and sent in JSON. */
  public String stored() {
    return stored;
  }

  static SpotStatus fromStored(String stored) {
    return Arrays.stream(values())
        .filter(status -> status.stored.equals(stored))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown spot status: " + stored));
  }

  @Converter(autoApply = true)
  public static class JpaConverter implements AttributeConverter<SpotStatus, String> {

    @Override
    public String convertToDatabaseColumn(SpotStatus status) {
      return status == null ? null : status.stored;
    }

    @Override
    public SpotStatus convertToEntityAttribute(String stored) {
      return stored == null ? null : fromStored(stored);
    }
  }
}
