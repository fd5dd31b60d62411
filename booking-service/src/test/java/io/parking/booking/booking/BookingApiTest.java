package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BookingApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String START = "2026-12-04T10:00:00+01:00";
  private static final String END = "2026-12-04T12:00:00+01:00";

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  private ApiClient api;
  private TestLot lot;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    api = new ApiClient(restClient, mapper);
    lot = TestLots.create(jdbc, 3);
  }

  @Test
  void reserveReturnsBookingAndReservesSpot() {
    long spotId = lot.spot(0);

    Response response = api.post("/api/bookings", "driver-1", body(spotId, START, END));

    assertThat(response.status()).isEqualTo(201);
    JsonNode booking = response.body();
    String bookingId = booking.get("bookingId").asString();
    assertThat(response.headers().getLocation()).hasPath("/api/bookings/" + bookingId);
    assertThat(booking.get("spotId").asLong()).isEqualTo(spotId);
    assertThat(booking.get("floorId").asLong()).isEqualTo(lot.floor(0).floorId());
    assertThat(booking.get("lotId").asLong()).isEqualTo(lot.lotId());
    assertThat(booking.get("userId").asString()).isEqualTo("driver-1");
    assertThat(booking.get("startTime").asString()).isEqualTo("2026-12-04T10:00:00+01:00");
    assertThat(booking.get("endTime").asString()).isEqualTo("2026-12-04T12:00:00+01:00");
    assertThat(booking.get("status").asString()).isEqualTo("reserved");
    assertThat(booking.get("createdAt").isString()).isTrue();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void concurrentReservationsOfOneSpotHaveOneWinner() throws Exception {
    // Several spots, so that at least some races reach the version-guarded update together.
    TestLot raceLot = TestLots.create(jdbc, 5);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (long spotId : raceLot.floor(0).spotIds()) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Response>> drivers = new ArrayList<>();
        for (String driver : List.of("driver-a", "driver-b")) {
          drivers.add(
              () -> {
                start.await();
                return api.post("/api/bookings", driver, body(spotId, START, END));
              });
        }

        List<Response> responses = new ArrayList<>();
        for (Future<Response> result : pool.invokeAll(drivers)) {
          responses.add(result.get());
        }

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        Response loser =
            responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.body().get("type").asString()).isEqualTo(PROBLEMS + "spot-unavailable");
        assertThat(loser.body().get("detail").asString()).isEqualTo("spot no longer available");
        assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
        assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
        assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Stream<Arguments> rejectedRequests() {
    return Stream.of(
        Arguments.of(
            "spotId not a number",
            "driver-1",
            body("\"abc\"", START, END),
            400,
            "malformed-json",
            "spotId"),
        Arguments.of(
            "startTime not a date",
            "driver-1",
            body("%d", "tomorrow", END),
            400,
            "malformed-json",
            "startTime"),
        Arguments.of(
            "endTime only a date",
            "driver-1",
            body("%d", START, "2026-12-04"),
            400,
            "malformed-json",
            "endTime"),
        Arguments.of(
            "truncated JSON",
            "driver-1",
            "{\"spotId\": %d, \"startTime\": ",
            400,
            "malformed-json",
            "body"),
        Arguments.of(
            "missing startTime",
            "driver-1",
            "{\"spotId\": %d, \"endTime\": \"" + END + "\"}",
            400,
            "invalid-request",
            "startTime"),
        Arguments.of(
            "endTime before startTime",
            "driver-1",
            body("%d", END, START),
            422,
            "invalid-booking-window",
            "endTime"),
        Arguments.of(
            "endTime equal to startTime",
            "driver-1",
            body("%d", START, START),
            422,
            "invalid-booking-window",
            "endTime"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedRequests")
  void reserveRejectsBadInput(
      String name, String userId, String template, int status, String type, String field) {
    long spotId = lot.spot(0);
    String json = template.contains("%d") ? template.formatted(spotId) : template;

    Response response = api.post("/api/bookings", userId, json);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + type);
    assertThat(response.body().get("detail").asString()).isNotBlank();
    assertThat(fieldsOf(response)).contains(field);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(TestLots.version(jdbc, spotId)).isZero();
  }

  @Test
  void reserveWithoutTokenIsUnauthorized() {
    long spotId = lot.spot(0);

    Response response = api.post("/api/bookings", null, body(spotId, START, END));

    assertThat(response.status()).isEqualTo(401);
    assertThat(String.valueOf(response.headers().getContentType()))
        .startsWith("application/problem+json");
    assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
  }

  @Test
  void reserveWithBlankSubjectIsUnauthorized() {
    long spotId = lot.spot(0);
    String token = TestTokens.driverWithRawSubject("  ");

    Response response =
        api.exchange(
            HttpMethod.POST, "/api/bookings", TestTokens.bearer(token), body(spotId, START, END));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
    assertThat(response.body().get("detail").asString()).contains("subject");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
  }

  @Test
  void reserveWithOverlongSubjectIsBadRequest() {
    long spotId = lot.spot(0);
    String token = TestTokens.driver("d".repeat(129));

    Response response =
        api.exchange(
            HttpMethod.POST, "/api/bookings", TestTokens.bearer(token), body(spotId, START, END));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("type").asString())
        .isEqualTo(PROBLEMS + "invalid-token-subject");
    assertThat(response.body().get("detail").asString()).contains("129", "128");
    assertThat(fieldsOf(response)).containsExactly("sub");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
  }

  @Test
  void reserveAcceptsSubjectOfColumnLength() {
    String userId = "d".repeat(128);

    Response response = api.post("/api/bookings", userId, body(lot.spot(0), START, END));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("userId").asString()).isEqualTo(userId);
  }

  @Test
  void reserveListsEveryMissingField() {
    Response response = api.post("/api/bookings", "driver-1", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(fieldsOf(response)).containsExactly("endTime", "spotId", "startTime");
  }

  @Test
  void reserveUnknownSpotIsNotFound() {
    Response response = api.post("/api/bookings", "driver-1", body(Long.MAX_VALUE, START, END));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "spot-not-found");
  }

  @Test
  void reserveOutOfServiceSpotConflicts() {
    long spotId = lot.spot(1);
    TestLots.setStatus(jdbc, spotId, "out_of_service");

    Response response = api.post("/api/bookings", "driver-1", body(spotId, START, END));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "spot-unavailable");
    assertThat(response.body().get("reason").asString()).contains("out of service");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("out_of_service");
    assertThat(TestLots.version(jdbc, spotId)).isZero();
  }

  @Test
  void reserveOccupiedSpotForLaterWindowKeepsOccupied() {
    long spotId = lot.spot(1);
    TestLots.setStatus(jdbc, spotId, "occupied");

    Response response = api.post("/api/bookings", "driver-1", body(spotId, START, END));

    assertThat(response.status()).isEqualTo(201);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void ownerReadsBooking() {
    String bookingId = reserve("driver-1", lot.spot(0));

    Response response = api.get("/api/bookings/" + bookingId, "driver-1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("bookingId").asString()).isEqualTo(bookingId);
    assertThat(response.body().get("status").asString()).isEqualTo("reserved");
    assertThat(response.body().get("lotId").asLong()).isEqualTo(lot.lotId());
  }

  @Test
  void otherDriversBookingIsNotFound() {
    long spotId = lot.spot(0);
    String bookingId = reserve("driver-1", spotId);

    Response read = api.get("/api/bookings/" + bookingId, "driver-2");
    Response cancel = api.delete("/api/bookings/" + bookingId, "driver-2");

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.body().get("type").asString()).isEqualTo(PROBLEMS + "booking-not-found");
    assertThat(cancel.status()).isEqualTo(404);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
  }

  @Test
  void bookingReadWithoutTokenIsUnauthorized() {
    String bookingId = reserve("driver-1", lot.spot(0));

    Response response = api.get("/api/bookings/" + bookingId, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "unauthenticated");
    assertThat(response.body().path("bookingId").isMissingNode()).isTrue();
  }

  @Test
  void malformedBookingIdIsBadRequest() {
    Response response = api.get("/api/bookings/not-a-uuid", "driver-1");

    assertThat(response.status()).isEqualTo(400);
    assertThat(fieldsOf(response)).containsExactly("bookingId");
  }

  @Test
  void cancelFreesSpotAndSecondCancelConflicts() {
    long spotId = lot.spot(2);
    String bookingId = reserve("driver-1", spotId);

    Response first = api.delete("/api/bookings/" + bookingId, "driver-1");
    Response second = api.delete("/api/bookings/" + bookingId, "driver-1");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("status").asString()).isEqualTo("cancelled");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(2);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().get("type").asString())
        .isEqualTo(PROBLEMS + "booking-not-cancellable");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(2);
  }

  @Test
  void cancelledSpotCanBeReservedAgain() {
    long spotId = lot.spot(0);
    String first = reserve("driver-1", spotId);
    api.delete("/api/bookings/" + first, "driver-1");

    Response again = api.post("/api/bookings", "driver-2", body(spotId, START, END));

    assertThat(again.status()).isEqualTo(201);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(2);
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(3);
  }

  private String reserve(String userId, long spotId) {
    Response response = api.post("/api/bookings", userId, body(spotId, START, END));
    assertThat(response.status()).as("reservation of spot %d", spotId).isEqualTo(201);
    return response.body().get("bookingId").asString();
  }

  private static List<String> fieldsOf(Response response) {
    List<String> fields = new ArrayList<>();
    response.body().path("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private static String body(long spotId, String startTime, String endTime) {
    return body(Long.toString(spotId), startTime, endTime);
  }

  private static String body(String spotId, String startTime, String endTime) {
    return """
        {"spotId": %s, "startTime": "%s", "endTime": "%s"}"""
        .formatted(spotId, startTime, endTime);
  }
}
