package io.parking.payment.payment;

import java.time.Duration;
import java.time.Instant;

/** Estimates the amount of a pre-authorisation hold from the booked window. */
final class HoldPricing {

  private static final long MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();

  private HoldPricing() {}

  /**
   * Returns the hold amount in minor units: the window rounded up to whole hours times the hourly
   * rate, so 61 minutes cost two hours.
   *
   * @throws IllegalArgumentException when {@code end} is not after {@code start}
   */
  static long estimateMinor(Instant start, Instant end, long hourlyRateMinor) {
    long windowMillis = Duration.between(start, end).toMillis();
    if (windowMillis <= 0) {
      throw new IllegalArgumentException(
          "Booked window must end after it starts, was " + start + " to " + end);
    }
    long startedHours = (windowMillis + MILLIS_PER_HOUR - 1) / MILLIS_PER_HOUR;
    return Math.multiplyExact(startedHours, hourlyRateMinor);
  }
}
