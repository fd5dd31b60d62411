package io.parking.payment.pricing;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices of one lot; every amount is in integer minor units of {@code currency}.
 *
 * <p>A session is priced as follows. A stay no longer than the entry grace is free. Otherwise the
 * exit grace is deducted from the stay (leaving at least one minute), and each started 24 hours
 * cost at most the daily maximum. Within a day, the first interval costs its flat price and the
 * rest is rounded up to whole billing increments at the hourly rate.
 *
 * @param currency ISO 4217 code of every amount
 * @param hourlyRateMinor price of one hour per spot type, for example {@code standard: 250}
 * @param firstIntervalMinutes length of the first interval with a flat price; 0 for none
 * @param firstIntervalMinor flat price of the first interval
 * @param billingIncrementMinutes time after the first interval is charged in whole increments
 * @param entryGraceMinutes a stay this short is free
 * @param exitGraceMinutes minutes deducted from every longer stay before pricing it
 * @param dailyMaximumMinor most that one 24-hour day costs; 0 for no maximum
 */
public record Tariff(
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
    @NotEmpty Map<String, @Positive Long> hourlyRateMinor,
    @PositiveOrZero int firstIntervalMinutes,
    @PositiveOrZero long firstIntervalMinor,
    @Positive int billingIncrementMinutes,
    @PositiveOrZero int entryGraceMinutes,
    @PositiveOrZero int exitGraceMinutes,
    @PositiveOrZero long dailyMaximumMinor) {

  /** Spot type used while booking events do not carry one. */
  public static final String STANDARD = "standard";

  private static final long MINUTES_PER_DAY = Duration.ofDays(1).toMinutes();

  public Tariff {
    hourlyRateMinor = Map.copyOf(hourlyRateMinor);
  }

  /**
   * Prices a stay of {@code stay} on a spot of {@code spotType}, with both graces applied.
   *
   * @throws IllegalArgumentException when the tariff has no rate for the spot type
   */
  public Quote priceStay(Duration stay, String spotType) {
    if (stay.toMinutes() <= entryGraceMinutes && stay.compareTo(Duration.ZERO) >= 0) {
      return new Quote(
          0,
          currency,
          List.of(
              new Quote.Line(
                  "Stay of %d min within the %d min entry grace"
                      .formatted(stay.toMinutes(), entryGraceMinutes),
                  0)));
    }
    Duration billable = stay.minusMinutes(exitGraceMinutes);
    List<Quote.Line> lines = new ArrayList<>();
    if (exitGraceMinutes > 0) {
      lines.add(new Quote.Line("Exit grace of %d min deducted".formatted(exitGraceMinutes), 0));
    }
    // Any stay beyond the entry grace is charged, so at least the first minute counts.
    Duration oneMinute = Duration.ofMinutes(1);
    return price(billable.compareTo(oneMinute) < 0 ? oneMinute : billable, spotType, lines);
  }

  /** Prices the booked window without graces: the estimate that the hold covers. */
  public Quote priceWindow(Duration window, String spotType) {
    return price(window, spotType, new ArrayList<>());
  }

  private Quote price(Duration billable, String spotType, List<Quote.Line> lines) {
    long rate = rateOf(spotType);
    // Started minutes count in full, so 61 seconds are 2 minutes.
    long minutes = (billable.toSeconds() + 59) / 60;
    long fullDays = minutes / MINUTES_PER_DAY;
    long restMinutes = minutes % MINUTES_PER_DAY;
    long total = 0;

    if (fullDays > 0) {
      long dayPrice =
          dailyMaximumMinor > 0 ? dailyMaximumMinor : dayPrice(MINUTES_PER_DAY, rate, null);
      long daysTotal = Math.multiplyExact(fullDays, dayPrice);
      lines.add(new Quote.Line("%d x 24 h at %d per day".formatted(fullDays, dayPrice), daysTotal));
      total += daysTotal;
    }
    if (restMinutes > 0) {
      List<Quote.Line> dayLines = new ArrayList<>();
      long rest = dayPrice(restMinutes, rate, dayLines);
      if (dailyMaximumMinor > 0 && rest > dailyMaximumMinor) {
        lines.add(
            new Quote.Line(
                "%d min capped at the daily maximum of %d"
                    .formatted(restMinutes, dailyMaximumMinor),
                dailyMaximumMinor));
        rest = dailyMaximumMinor;
      } else {
        lines.addAll(dayLines);
      }
      total += rest;
    }
    return new Quote(total, currency, lines);
  }

  private long dayPrice(long minutes, long rate, List<Quote.Line> lines) {
    long total = 0;
    long remaining = minutes;
    if (firstIntervalMinutes > 0) {
      total += firstIntervalMinor;
      remaining = Math.max(0, remaining - firstIntervalMinutes);
      if (lines != null) {
        lines.add(
            new Quote.Line("First %d min".formatted(firstIntervalMinutes), firstIntervalMinor));
      }
    }
    if (remaining > 0) {
      long increments = (remaining + billingIncrementMinutes - 1) / billingIncrementMinutes;
      long incrementMinutes = increments * billingIncrementMinutes;
      // Rounded up to a whole minor unit when an increment is not a whole fraction of an hour.
      long amount = (Math.multiplyExact(incrementMinutes, rate) + 59) / 60;
      total += amount;
      if (lines != null) {
        lines.add(
            new Quote.Line(
                "%d x %d min at %d per hour".formatted(increments, billingIncrementMinutes, rate),
                amount));
      }
    }
    return total;
  }

  private long rateOf(String spotType) {
    Long rate = hourlyRateMinor.get(spotType);
    if (rate == null) {
      throw new IllegalArgumentException(
          "No hourly rate for spot type '%s'; configured types: %s"
              .formatted(spotType, hourlyRateMinor.keySet()));
    }
    return rate;
  }
}
