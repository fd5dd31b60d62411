package io.parking.simulator;

/**
 * Arrivals of a shopping mall by hour of day, as a share of the lot's capacity arriving in that
 * hour, and how long drivers stay. The shares are an illustrative estimate for a mall open from
 * 9:00 to 21:00 with a lunch and an after-work peak, not measured data.
 */
final class DayProfile {

  private static final double[] ARRIVAL_SHARE_BY_HOUR = {
    0.002, 0.001, 0.001, 0.001, 0.001, 0.002, 0.005, 0.02, 0.04, 0.08, 0.11, 0.13, 0.15, 0.12, 0.10,
    0.10, 0.11, 0.13, 0.11, 0.07, 0.04, 0.02, 0.008, 0.004
  };

  /** Shortest and longest stay, in minutes. */
  static final int MIN_STAY_MINUTES = 15;

  static final int MAX_STAY_MINUTES = 300;

  private DayProfile() {}

  /** Returns the expected arrivals per minute at {@code hourOfDay} for a lot of {@code spots}. */
  static double arrivalsPerMinute(int hourOfDay, int spots) {
    return ARRIVAL_SHARE_BY_HOUR[Math.floorMod(hourOfDay, 24)] * spots / 60.0;
  }
}
