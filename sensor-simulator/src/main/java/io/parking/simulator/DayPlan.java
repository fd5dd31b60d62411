package io.parking.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sensor readings of a simulated stretch of a day: cars arrive at random free spots following
 * {@link DayProfile} and leave after a random stay. No spot ever contains two cars. The same seed
 * gives the same plan.
 */
final class DayPlan {

  private final List<SensorEvent> events;

  private DayPlan(List<SensorEvent> events) {
    this.events = List.copyOf(events);
  }

  /**
   * Plans {@code hours} hours starting at {@code startHour} (0-23) for the given spots.
   *
   * @param spotIds the spots cars may use; spots missing here never change
   */
  static DayPlan plan(List<Long> spotIds, int startHour, int hours, long seed) {
    if (spotIds.isEmpty()) {
      throw new IllegalArgumentException("the lot has no spots to simulate");
    }
    Random random = new Random(seed);
    // Minute from which each spot is free again; 0 means free from the start.
    Map<Long, Double> freeFrom = new HashMap<>();
    List<SensorEvent> events = new ArrayList<>();

    for (int minute = 0; minute < hours * 60; minute++) {
      int hourOfDay = startHour + minute / 60;
      int arrivals = poisson(DayProfile.arrivalsPerMinute(hourOfDay, spotIds.size()), random);
      for (int i = 0; i < arrivals; i++) {
        double arrival = minute + random.nextDouble();
        Long spot = pickFreeSpot(spotIds, freeFrom, arrival, random);
        if (spot == null) {
          continue; // the lot is full: the driver drives on
        }
        double departure = arrival + stayMinutes(random);
        freeFrom.put(spot, departure);
        events.add(new SensorEvent(arrival, spot, true));
        if (departure < hours * 60) {
          events.add(new SensorEvent(departure, spot, false));
        }
      }
    }
    events.sort(Comparator.comparingDouble(SensorEvent::minute));
    return new DayPlan(events);
  }

  List<SensorEvent> events() {
    return events;
  }

  private static Long pickFreeSpot(
      List<Long> spotIds, Map<Long, Double> freeFrom, double minute, Random random) {
    // A few random tries first: cheap while the lot is mostly empty.
    for (int attempt = 0; attempt < 20; attempt++) {
      Long spot = spotIds.get(random.nextInt(spotIds.size()));
      if (freeFrom.getOrDefault(spot, 0.0) <= minute) {
        return spot;
      }
    }
    for (Long spot : spotIds) {
      if (freeFrom.getOrDefault(spot, 0.0) <= minute) {
        return spot;
      }
    }
    return null;
  }

  /** Draws a stay of mostly one to two hours, with a long tail, within the profile's bounds. */
  private static double stayMinutes(Random random) {
    double stay = Math.exp(Math.log(90) + 0.6 * random.nextGaussian());
    return Math.max(DayProfile.MIN_STAY_MINUTES, Math.min(DayProfile.MAX_STAY_MINUTES, stay));
  }

  /** Draws from a Poisson distribution with the given mean (Knuth's method, small means). */
  private static int poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
