package io.parking.availability.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.BookingServiceStub.Floor;
import io.parking.availability.BookingServiceStub.Layout;
import io.parking.availability.BookingServiceStub.Spot;
import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.availability.store.LotCounts;
import io.parking.availability.store.LotCounts.FloorCount;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

class LotBuilderTest extends IntegrationTest {

  private static final long LOT = TestLots.BUILDER_LOT.lotId();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Autowired private MockMvcTester mvc;
  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private MeterRegistry meterRegistry;

  @Test
  void builderRegistersLotFromLayout() {
    await().atMost(TIMEOUT).until(() -> store.isRegistered(LOT));

    LotCounts counts = store.readLot(LOT).orElseThrow();
    assertThat(counts.floors())
        .extracting(
            FloorCount::floorId, FloorCount::floorNumber, FloorCount::free, FloorCount::total)
        .containsExactly(tuple(1011L, 0, 1L, 3L), tuple(1012L, 1, 2L, 2L));
    assertThat(mvc.get().uri("/api/lots/{lotId}/availability", LOT))
        .hasStatusOk()
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"lotId": 101, "free": 3, "total": 5, "floors": [
              {"floorId": 1011, "floorNumber": 0, "free": 1, "total": 3},
              {"floorId": 1012, "floorNumber": 1, "free": 2, "total": 2}]}
            """);
    assertThat(
            meterRegistry.get(LotBuilder.LOTS_BUILT_METRIC).tag("trigger", "new").counter().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void builderSkipsLotAlreadyInRedis() {
    await().atMost(TIMEOUT).until(() -> store.isRegistered(LOT));
    long freeBefore = store.readLot(LOT).orElseThrow().floors().get(1).free();
    sendReserved(10201);
    await()
        .atMost(TIMEOUT)
        .until(() -> store.readLot(LOT).orElseThrow().floors().get(1).free() == freeBefore - 1);
    int layoutRequestsBefore = BOOKING_SERVICE.layoutRequests(LOT);
    int listRequestsBefore = BOOKING_SERVICE.lotListRequests();

    await()
        .atMost(TIMEOUT)
        .until(() -> BOOKING_SERVICE.lotListRequests() >= listRequestsBefore + 2);

    assertThat(BOOKING_SERVICE.layoutRequests(LOT)).isEqualTo(layoutRequestsBefore);
    assertThat(store.readLot(LOT).orElseThrow().floors().get(1).free()).isEqualTo(freeBefore - 1);
  }

  @Test
  void builderRetriesAfterLotListFails() {
    long lateLot = 103;
    BOOKING_SERVICE.failLotList(true);
    try {
      int listRequestsBefore = BOOKING_SERVICE.lotListRequests();
      BOOKING_SERVICE.putLot(
          new Layout(lateLot, "Late lot", List.of(new Floor(1031, 0, List.of(Spot.free(10301))))));

      await()
          .atMost(TIMEOUT)
          .until(() -> BOOKING_SERVICE.lotListRequests() >= listRequestsBefore + 2);

      assertThat(store.isRegistered(lateLot)).isFalse();
    } finally {
      BOOKING_SERVICE.failLotList(false);
    }

    await().atMost(TIMEOUT).until(() -> store.isRegistered(lateLot));
    assertThat(store.readLot(lateLot).orElseThrow().floors())
        .extracting(FloorCount::floorId, FloorCount::free, FloorCount::total)
        .containsExactly(tuple(1031L, 1L, 1L));
  }

  private void sendReserved(long spotId) {
    UUID bookingId = UUID.randomUUID();
    Instant start = Instant.now().plus(Duration.ofHours(1));
    var payload =
        new BookingChanged(
            bookingId,
            LOT,
            1012,
            spotId,
            "driver-test",
            start,
            start.plusSeconds(3600),
            "reserved");
    String json =
        mapper.writeValueAsString(
            EventEnvelope.of(EventTypes.BOOKING_RESERVED, bookingId.toString(), payload));
    try {
      kafka.send(Topics.BOOKING_EVENTS, Long.toString(spotId), json).get(10, TimeUnit.SECONDS);
    } catch (Exception exception) {
      throw new AssertionError("sending to the embedded Kafka broker failed", exception);
    }
  }
}
