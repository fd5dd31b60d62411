package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TopicReader;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Concurrent requests over real HTTP against the real database. */
class BookingConcurrencyTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String START = "2026-12-04T10:00:00+01:00";
  private static final String END = "2026-12-04T12:00:00+01:00";

  @LocalServerPort private int port;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private EmbeddedKafkaBroker broker;

  private Http http;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    http = new Http(port, mapper);
  }

  @Test
  void lastFiveSpotsHaveFiveWinners() throws Exception {
    TestLot lot = TestLots.create(jdbc, 20);
    List<Long> spotIds = lot.floor(0).spotIds();
    for (long spotId : spotIds.subList(5, 20)) {
      TestLots.setStatus(jdbc, spotId, "out_of_service");
    }
    List<Long> free = spotIds.subList(0, 5);
    List<Callable<Response>> requests = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long spotId = free.get(i % free.size());
      String driver = "driver-" + i;
      requests.add(() -> http.post("/api/bookings", driver, body(spotId, START, END)));
    }

    List<Response> responses = runConcurrently(requests, 200);

    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
    assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(195);
    assertThat(responses)
        .filteredOn(r -> r.status() == 409)
        .extracting(Response::type)
        .containsOnly(PROBLEMS + "spot-unavailable");
    assertThat(responses).extracting(Response::status).allMatch(status -> status < 500);
    for (long spotId : free) {
      assertThat(TestLots.liveBookingCount(jdbc, spotId)).as("spot %d", spotId).isEqualTo(1);
      assertThat(TestLots.version(jdbc, spotId)).as("spot %d", spotId).isEqualTo(1);
    }
    for (long spotId : spotIds.subList(5, 20)) {
      assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    }
  }

  @Test
  void oneSpotBookedFiftyTimesHasOneWinner() throws Exception {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    List<Callable<Response>> requests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String driver = "client-" + (i % 10);
      requests.add(() -> http.post("/api/bookings", driver, body(spotId, START, END)));
    }

    List<Response> responses = runConcurrently(requests, 10);

    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(49);
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
    Response winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
    String winnerId = winner.bookingId();
    String owner = winner.body().get("userId").asString();

    // The cancel's event follows the winner's on the spot's partition, so once it arrives every
    // event of the race has arrived too.
    assertThat(http.delete("/api/bookings/" + winnerId, owner).status()).isEqualTo(200);
    try (TopicReader reader = new TopicReader(broker, Topics.BOOKING_EVENTS)) {
      List<JsonNode> events =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> eventsOfSpot(reader.poll(), spotId), found -> found.size() >= 2);

      assertThat(events).hasSize(2);
      assertThat(events.get(0).get("type").asString()).isEqualTo(EventTypes.BOOKING_RESERVED);
      assertThat(events.get(0).at("/payload/bookingId").asString()).isEqualTo(winnerId);
      assertThat(events.get(0).at("/payload/spotHeld").asBoolean()).isTrue();
      assertThat(events.get(1).get("type").asString()).isEqualTo(EventTypes.BOOKING_CANCELLED);
      assertThat(events.get(1).at("/payload/bookingId").asString()).isEqualTo(winnerId);
      assertThat(events.get(1).at("/payload/spotHeld").asBoolean()).isFalse();
    }
  }

  @Test
  void cancelAndCheckInRaceHasOneWinner() throws Exception {
    clock.set(Instant.parse("2026-12-04T09:00:00Z"));
    TestLot lot = TestLots.create(jdbc, 10);
    for (long spotId : lot.floor(0).spotIds()) {
      Response reserved = http.post("/api/bookings", "driver-r", body(spotId, START, END));
      assertThat(reserved.status()).isEqualTo(201);
      String path = "/api/bookings/" + reserved.bookingId();

      List<Response> responses =
          runConcurrently(
              List.of(
                  () -> http.delete(path, "driver-r"),
                  () -> http.post(path + "/check-in", "driver-r", null)),
              2);

      assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
      String status = http.get(path, "driver-r").body().get("status").asString();
      assertThat(status).isIn("cancelled", "active");
      assertThat(TestLots.status(jdbc, spotId))
          .isEqualTo(status.equals("active") ? "occupied" : "available");
      assertThat(TestLots.version(jdbc, spotId)).isEqualTo(2);
    }
  }

  @Test
  void anySpotBurstGetsDistinctSpots() throws Exception {
    TestLot lot = TestLots.create(jdbc, 40);
    String request =
        """
        {"lotId": %d, "startTime": "%s", "endTime": "%s"}"""
            .formatted(lot.lotId(), START, END);
    List<Callable<Response>> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String driver = "burst-" + i;
      requests.add(() -> http.post("/api/bookings/any", driver, request));
    }

    List<Response> responses = runConcurrently(requests, 20);

    assertThat(responses).extracting(Response::status).containsOnly(201);
    List<Long> spots = responses.stream().map(r -> r.body().get("spotId").asLong()).toList();
    assertThat(spots).doesNotHaveDuplicates().hasSize(20);
    for (long spotId : spots) {
      assertThat(TestLots.liveBookingCount(jdbc, spotId)).isEqualTo(1);
    }
  }

  private static List<Response> runConcurrently(List<Callable<Response>> requests, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> request : requests) {
        futures.add(
            pool.submit(
                () -> {
                  ready.await();
                  return request.call();
                }));
      }
      ready.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<JsonNode> eventsOfSpot(List<ConsumerRecord<String, String>> records, long spotId) {
    return records.stream()
        .filter(record -> record.key().equals(Long.toString(spotId)))
        .map(record -> mapper.readTree(record.value()))
        .toList();
  }

  private static String body(long spotId, String startTime, String endTime) {
    return """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
        .formatted(spotId, startTime, endTime);
  }
}
