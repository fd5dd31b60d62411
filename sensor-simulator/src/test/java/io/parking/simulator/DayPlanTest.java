package io.parking.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DayPlanTest {

  private static final List<Long> SPOTS = LongStream.rangeClosed(1, 200).boxed().toList();

  @Test
  void planNeverPutsTwoCarsInOneSpot() {
    DayPlan plan = DayPlan.plan(SPOTS, 8, 12, 42);

    Map<Long, Boolean> occupied = new HashMap<>();
    for (SensorEvent event : plan.events()) {
      boolean wasOccupied = occupied.getOrDefault(event.spotId(), false);
      assertThat(wasOccupied)
          .as("spot %d at minute %.1f", event.spotId(), event.minute())
          .isNotEqualTo(event.occupied());
      occupied.put(event.spotId(), event.occupied());
    }
  }

  @Test
  void planFollowsTheDaysPeaks() {
    DayPlan plan = DayPlan.plan(SPOTS, 0, 24, 7);

    long nightArrivals = arrivalsBetween(plan, 2, 5);
    long noonArrivals = arrivalsBetween(plan, 11, 14);

    assertThat(noonArrivals).isGreaterThan(nightArrivals * 10);
    assertThat(noonArrivals).isGreaterThan(0);
  }

  @Test
  void planIsInTimeOrderAndWithinItsHours() {
    DayPlan plan = DayPlan.plan(SPOTS, 8, 6, 3);

    assertThat(plan.events()).isNotEmpty();
    assertThat(plan.events())
        .extracting(SensorEvent::minute)
        .isSorted()
        .allSatisfy(minute -> assertThat(minute).isBetween(0.0, 6 * 60.0));
  }

  @Test
  void sameSeedGivesSamePlan() {
    assertThat(DayPlan.plan(SPOTS, 8, 3, 11).events())
        .isEqualTo(DayPlan.plan(SPOTS, 8, 3, 11).events());
  }

  @Test
  void fullLotTurnsDriversAway() {
    DayPlan plan = DayPlan.plan(List.of(1L, 2L), 12, 2, 5);

    long parked = plan.events().stream().filter(SensorEvent::occupied).count();
    long departed = plan.events().stream().filter(event -> !event.occupied()).count();

    assertThat(parked - departed).isBetween(0L, 2L);
  }

  @Test
  void emptyLotIsRejected() {
    assertThatThrownBy(() -> DayPlan.plan(List.of(), 8, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no spots");
  }

  private static long arrivalsBetween(DayPlan plan, int fromHour, int toHour) {
    return plan.events().stream()
        .filter(SensorEvent::occupied)
        .filter(event -> event.minute() >= fromHour * 60 && event.minute() < toHour * 60)
        .count();
  }
}
