package io.parking.payment.pricing;

import java.util.List;

/**
 * Price of a session with its breakdown.
 *
 * @param amountMinor total in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param lines how the total was computed, in order
 */
public record Quote(long amountMinor, String currency, List<Line> lines) {

  public Quote {
    lines = List.copyOf(lines);
  }

  /**
   * One step of the computation.
   *
   * @param description what the line charges or deducts
   * @param amountMinor amount of the line; 0 for an informational line
   */
  public record Line(String description, long amountMinor) {}
}
