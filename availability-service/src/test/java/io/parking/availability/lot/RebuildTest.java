package io.parking.availability.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.BookingServiceStub.Floor;
import io.parking.availability.BookingServiceStub.Layout;
import io.parking.availability.BookingServiceStub.Spot;
import io.parking.availability.IntegrationTest;
import io.parking.availability.TestEvents;
import io.parking.availability.TestLots;
import io.parking.events.EventTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

class RebuildTest extends IntegrationTest {

  private static final long LOT = TestLots.REBUILD_LOT.lotId();
  private static final long FLOOR = 6011;

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private MeterRegistry meterRegistry;
  @Autowired private MockMvcTester mvc;

  @BeforeEach
  void awaitLotBuilt() {
    await().atMost(Duration.ofSeconds(20)).until(() -> store.isRegistered(LOT));
  }

  @Test
  void deletedLotIsRebuiltWithinSeconds() {
    bookThreeOfFour();
    double rebuildsBefore = markerRebuilds();

    deleteLotKeys();

    await().atMost(Duration.ofSeconds(5)).until(() -> store.isRegistered(LOT));
    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(1);
    assertThat(markerRebuilds()).isEqualTo(rebuildsBefore + 1);
  }

  @Test
  void lotMissingFromRedisReadsStaleNotZero() {
    bookThreeOfFour();
    assertThat(mvc.get().uri("/api/lots/{lotId}/availability", LOT))
        .bodyJson()
        .extractingPath("$.stale")
        .isEqualTo(false);
    BOOKING_SERVICE.failLayout(LOT, true);
    MvcTestResult whileMissing;
    try {
      deleteLotKeys();

      whileMissing = mvc.get().uri("/api/lots/{lotId}/availability", LOT).exchange();
    } finally {
      BOOKING_SERVICE.failLayout(LOT, false);
    }

    assertThat(whileMissing).hasStatusOk();
    assertThat(whileMissing).bodyJson().extractingPath("$.stale").isEqualTo(true);
    assertThat(whileMissing).bodyJson().extractingPath("$.free").isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/api/lots/{lotId}/availability", LOT))
                    .bodyJson()
                    .extractingPath("$.stale")
                    .isEqualTo(false));
  }

  /** Books spots 60101-60103 in the booking service's layout and through their events. */
  private void bookThreeOfFour() {
    TestEvents events = new TestEvents(kafka, mapper);
    List<Spot> spots = new ArrayList<>();
    for (long spotId = 60101; spotId <= 60104; spotId++) {
      spots.add(spotId < 60104 ? new Spot(spotId, "reserved", "free") : Spot.free(spotId));
    }
    BOOKING_SERVICE.putLot(
        new Layout(LOT, TestLots.REBUILD_LOT.name(), List.of(new Floor(FLOOR, 0, spots))));
    for (long spotId = 60101; spotId <= 60103; spotId++) {
      events.send(
          events.event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), LOT, FLOOR, spotId, true));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> freeSpots(LOT, FLOOR) == 1);
  }

  /** Deletes every key of the lot under this run's prefix, as a Redis flush would. */
  private void deleteLotKeys() {
    Set<String> keys = new java.util.HashSet<>();
    keys.add(KEY_PREFIX + "lot:" + LOT);
    keys.add(KEY_PREFIX + "avail:" + LOT + ":" + FLOOR);
    keys.add(KEY_PREFIX + "floorstats:" + LOT + ":" + FLOOR);
    keys.add(KEY_PREFIX + "floorspots:" + LOT + ":" + FLOOR);
    for (long spotId = 60101; spotId <= 60104; spotId++) {
      keys.add(KEY_PREFIX + "spot:" + spotId);
    }
    redis.delete(keys);
  }

  private double markerRebuilds() {
    return meterRegistry
        .get(LotBuilder.LOTS_BUILT_METRIC)
        .tag("trigger", "marker-missing")
        .counter()
        .count();
  }
}
