package io.parking.booking.booking;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Lifecycle status of a booking, stored in lower case. */
public enum BookingStatus {
  RESERVED("reserved"),
  ACTIVE("active"),
  COMPLETED("completed"),
  CANCELLED("cancelled"),
  EXPIRED("expired");

  private final String stored;

  BookingStatus(String stored) {
    this.stored = stored;
  }

  /** Returns the value stored in the {@code bookings.status} column and sent in JSON and events. */
  public String stored() {
    return stored;
  }

  public static BookingStatus fromStored(String stored) {
    return Arrays.stream(values())
        .filter(status -> status.stored.equals(stored))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown booking status: " + stored));
  }

  @Converter(autoApply = true)
  public static class JpaConverter implements AttributeConverter<BookingStatus, String> {

    @Override
    public String convertToDatabaseColumn(BookingStatus status) {
      return status == null ? null : status.stored;
    }

    @Override
    public BookingStatus convertToEntityAttribute(String stored) {
      return stored == null ? null : fromStored(stored);
    }
  }
}
