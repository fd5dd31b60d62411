package io.parking.booking.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A date-time in a booking request: an ISO-8601 instant with offset ({@code
 * 2026-12-04T10:00:00+01:00}, {@code ...Z}), or a local date-time without offset ({@code
 * 2026-12-04T10:00}) read in the lot's time zone.
 *
 * @param text the value as sent
 * @param withOffset the parsed value if it carries an offset, else null
 * @param local the parsed value if it carries no offset, else null
 */
public record BookingTime(String text, OffsetDateTime withOffset, LocalDateTime local) {

  /** Parses either form; any other text throws {@link IllegalArgumentException}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static BookingTime parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("must not be null");
    }
    try {
      return new BookingTime(text, OffsetDateTime.parse(text), null);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return new BookingTime(text, null, LocalDateTime.parse(text));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("is not an ISO-8601 date-time: " + text, e);
      }
    }
  }

  @JsonValue
  String json() {
    return text;
  }

  /**
   * Returns the instant this value names in {@code zone}. A local time that the zone skips
   * (daylight saving time starts) or repeats (it ends) throws {@link InvalidBookingWindowException}
   * for {@code field}, because guessing could book the wrong hour.
   */
  public OffsetDateTime resolve(ZoneId zone, String field) {
    if (withOffset != null) {
      return withOffset;
    }
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      throw new InvalidBookingWindowException(
          field,
          "does not exist in time zone " + zone,
          text
              + " falls in the hour skipped when daylight saving time starts; send a time"
              + " outside that gap or an instant with offset");
    }
    if (offsets.size() > 1) {
      throw new InvalidBookingWindowException(
          field,
          "is ambiguous in time zone " + zone,
          text
              + " occurs twice when daylight saving time ends (offsets "
              + offsets.get(0)
              + " and "
              + offsets.get(1)
              + "); send an instant with the intended offset");
    }
    try {
      return OffsetDateTime.of(local, offsets.get(0));
    } catch (DateTimeException e) {
      throw new InvalidBookingWindowException(
          field, "is out of range", "send a date-time within the booking horizon");
    }
  }
}
