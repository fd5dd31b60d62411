package io.parking.booking.booking;

import static io.parking.booking.booking.BookingWindowsTest.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class IdempotencyAndAnySpotTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String START = "2026-12-04T10:00:00+01:00";
  private static final String END = "2026-12-04T12:00:00+01:00";

  @LocalServerPort private int port;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  private Http http;
  private TestLot lot;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    http = new Http(port, mapper);
    lot = TestLots.create(jdbc, 2);
  }

  @Test
  void repeatedKeyReturnsOriginalBooking() {
    long spotId = lot.spot(0);
    Map<String, String> key = key();

    Response first = http.post("/api/bookings", "driver-1", key, body(spotId));
    Response again = http.post("/api/bookings", "driver-1", key, body(spotId));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.bookingId()).isEqualTo(first.bookingId());
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void repeatedKeyAfterStartReturnsBooking() {
    long spotId = lot.spot(0);
    Map<String, String> key = key();
    Response first = http.post("/api/bookings", "driver-1", key, body(spotId));
    clock.set(Instant.parse("2026-12-04T10:00:00Z"));

    Response again = http.post("/api/bookings", "driver-1", key, body(spotId));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.bookingId()).isEqualTo(first.bookingId());
  }

  @Test
  void keyWithDifferentBodyIsRejected() {
    Map<String, String> key = key();
    Response first = http.post("/api/bookings", "driver-1", key, body(lot.spot(0)));

    Response reused = http.post("/api/bookings", "driver-1", key, body(lot.spot(1)));

    assertThat(first.status()).isEqualTo(201);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.type()).isEqualTo(PROBLEMS + "idempotency-key-reused");
    assertThat(fieldsOf(reused)).containsExactly("Idempotency-Key");
    assertThat(TestLots.bookingCount(jdbc, lot.spot(1))).isZero();
  }

  @Test
  void sameKeyOfOtherDriverIsIndependent() {
    Map<String, String> key = key();
    Response first = http.post("/api/bookings", "driver-1", key, body(lot.spot(0)));

    Response other = http.post("/api/bookings", "driver-2", key, body(lot.spot(1)));

    assertThat(first.status()).isEqualTo(201);
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.bookingId()).isNotEqualTo(first.bookingId());
  }

  @Test
  void rejectedRequestDoesNotConsumeKey() {
    long spotId = lot.spot(0);
    TestLots.setStatus(jdbc, spotId, "out_of_service");
    Map<String, String> key = key();
    Response rejected = http.post("/api/bookings", "driver-1", key, body(spotId));
    TestLots.setStatus(jdbc, spotId, "available");

    Response retried = http.post("/api/bookings", "driver-1", key, body(spotId));

    assertThat(rejected.status()).isEqualTo(409);
    assertThat(retried.status()).isEqualTo(201);
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneBooking() throws Exception {
    long spotId = lot.spot(0);
    Map<String, String> key = key();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Response> responses = new ArrayList<>();
    try {
      CountDownLatch ready = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.await();
                  return http.post("/api/bookings", "driver-1", key, body(spotId));
                }));
      }
      ready.countDown();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(responses).extracting(Response::status).containsOnly(200, 201);
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses)
        .extracting(Response::bookingId)
        .containsOnly(responses.get(0).bookingId());
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void overlongKeyIsBadRequest() {
    Response response =
        http.post(
            "/api/bookings",
            "driver-1",
            Map.of("Idempotency-Key", "k".repeat(256)),
            body(lot.spot(0)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(fieldsOf(response)).containsExactly("Idempotency-Key");
  }

  @Test
  void anySpotUntilExhausted() {
    String request = anyBody(lot.lotId(), null, null);

    Response first = http.post("/api/bookings/any", "driver-1", request);
    Response second = http.post("/api/bookings/any", "driver-2", request);
    Response third = http.post("/api/bookings/any", "driver-3", request);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(List.of(first.body().get("spotId").asLong(), second.body().get("spotId").asLong()))
        .containsExactlyInAnyOrder(lot.spot(0), lot.spot(1));
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.type()).isEqualTo(PROBLEMS + "no-spot-available");
    assertThat(third.body().get("detail").asString()).contains("lot " + lot.lotId());
  }

  @Test
  void anySpotSkipsOutOfServiceAndOverlaps() {
    TestLots.setStatus(jdbc, lot.spot(0), "out_of_service");

    Response booked = http.post("/api/bookings/any", "driver-1", anyBody(lot.lotId(), null, null));

    assertThat(booked.status()).isEqualTo(201);
    assertThat(booked.body().get("spotId").asLong()).isEqualTo(lot.spot(1));
    assertThat(booked.body().get("floorId").asLong()).isEqualTo(lot.floor(0).floorId());
    assertThat(http.post("/api/bookings/any", "driver-2", anyBody(lot.lotId(), null, null)).type())
        .isEqualTo(PROBLEMS + "no-spot-available");
  }

  @Test
  void anySpotFiltersByFloorAndType() {
    TestLot twoFloors = TestLots.create(jdbc, 1, 1);
    long floorId = twoFloors.floor(1).floorId();

    Response onFloor =
        http.post("/api/bookings/any", "driver-1", anyBody(twoFloors.lotId(), floorId, null));
    Response ev =
        http.post("/api/bookings/any", "driver-1", anyBody(twoFloors.lotId(), null, "\"ev\""));
    Response badType =
        http.post("/api/bookings/any", "driver-1", anyBody(twoFloors.lotId(), null, "\"bus\""));
    Response otherLotsFloor =
        http.post("/api/bookings/any", "driver-1", anyBody(lot.lotId(), floorId, null));
    Response unknownLot = http.post("/api/bookings/any", "driver-1", anyBody(-1, null, null));

    assertThat(onFloor.status()).isEqualTo(201);
    assertThat(onFloor.body().get("spotId").asLong())
        .isEqualTo(twoFloors.floor(1).spotIds().get(0));
    assertThat(ev.type()).isEqualTo(PROBLEMS + "no-spot-available");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(fieldsOf(badType)).containsExactly("spotType");
    assertThat(otherLotsFloor.type()).isEqualTo(PROBLEMS + "floor-not-found");
    assertThat(unknownLot.type()).isEqualTo(PROBLEMS + "lot-not-found");
  }

  @Test
  void anySpotRepeatedKeyReturnsSameBooking() {
    Map<String, String> key = key();
    String request = anyBody(lot.lotId(), null, null);

    Response first = http.post("/api/bookings/any", "driver-1", key, request);
    Response again = http.post("/api/bookings/any", "driver-1", key, request);
    Response otherEndpoint = http.post("/api/bookings", "driver-1", key, body(lot.spot(0)));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.bookingId()).isEqualTo(first.bookingId());
    assertThat(otherEndpoint.status()).isEqualTo(422);
  }

  private static Map<String, String> key() {
    return Map.of("Idempotency-Key", UUID.randomUUID().toString());
  }

  private static String body(long spotId) {
    return """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
        .formatted(spotId, START, END);
  }

  private static String anyBody(long lotId, Long floorId, String spotTypeJson) {
    return """
        {"lotId": %d, "floorId": %s, "spotType": %s, "startTime": "%s", "endTime": "%s"}"""
        .formatted(lotId, floorId, spotTypeJson, START, END);
  }
}
