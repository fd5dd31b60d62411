package io.parking.booking.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Checks booking windows against the rules of {@link BookingProperties}: the end is after the start
 * and after now, the start is not further in the past than the tolerance, the length is at most the
 * maximum and the end lies within the booking horizon.
 */
@Component
class BookingWindowPolicy {

  private final BookingProperties properties;
  private final Clock clock;

  BookingWindowPolicy(BookingProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** A checked window. */
  record Window(Instant startTime, Instant endTime) {}

  /**
   * Resolves both times in the lot's zone and checks the new window. Throws {@link
   * InvalidBookingWindowException} naming the field at fault.
   */
  Window check(BookingTime startTime, BookingTime endTime, ZoneId zone) {
    Instant start = startTime.resolve(zone, "startTime").toInstant();
    Instant end = endTime.resolve(zone, "endTime").toInstant();
    Instant now = clock.instant();

    if (!end.isAfter(start)) {
      throw new InvalidBookingWindowException(
          "endTime",
          "must be after startTime",
          "endTime " + end + " is not after startTime " + start + "; send a later endTime");
    }
    Instant earliestStart = now.minus(properties.pastTolerance());
    if (start.isBefore(earliestStart)) {
      throw new InvalidBookingWindowException(
          "startTime",
          "is in the past",
          "startTime " + start + " is before " + earliestStart + "; book a window from now on");
    }
    checkHorizon(start, "startTime", now);
    checkEnd(start, end, now);
    return new Window(start, end);
  }

  /** Checks a later end for an existing booking: its length and the horizon. */
  void checkExtension(Instant startTime, BookingTime newEndTime, ZoneId zone) {
    Instant end = newEndTime.resolve(zone, "endTime").toInstant();
    checkEnd(startTime, end, clock.instant());
  }

  private void checkEnd(Instant start, Instant end, Instant now) {
    if (!end.isAfter(now)) {
      throw new InvalidBookingWindowException(
          "endTime", "is in the past", "endTime " + end + " is not after now (" + now + ")");
    }
    // Duration.between cannot overflow for two Instants, unlike start.plus(maxLength).
    Duration length = Duration.between(start, end);
    if (length.compareTo(properties.maxLength()) > 0) {
      throw new InvalidBookingWindowException(
          "endTime",
          "makes the booking longer than " + properties.maxLength(),
          "the window from " + start + " to " + end + " lasts " + length + "; book a shorter one");
    }
    checkHorizon(end, "endTime", now);
  }

  private void checkHorizon(Instant time, String field, Instant now) {
    Instant horizon = now.plus(properties.horizon());
    if (time.isAfter(horizon)) {
      throw new InvalidBookingWindowException(
          field,
          "is beyond the booking horizon of " + properties.horizon(),
          field + " " + time + " is after " + horizon + "; bookings open at most that far ahead");
    }
  }
}
