package io.parking.booking.booking;

import static io.parking.booking.booking.BookingWindowsTest.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** Check-in, completion, expiry, extension, listing and ownership over HTTP. */
class BookingLifecycleTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  /** 09:00 to 11:00 UTC, 10:00 to 12:00 in the test lot's Europe/Berlin. */
  private static final String START = "2026-12-04T10:00:00+01:00";

  private static final String END = "2026-12-04T12:00:00+01:00";

  @LocalServerPort private int port;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private BookingExpiryJob expiryJob;

  private Http http;
  private TestLot lot;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-04T08:50:00Z"));
    http = new Http(port, mapper);
    lot = TestLots.create(jdbc, 3);
  }

  @Test
  void checkInThenCompleteFreesSpot() {
    long spotId = lot.spot(0);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);

    Response checkedIn = http.post(path + "/check-in", "driver-1", null);

    assertThat(checkedIn.status()).isEqualTo(200);
    assertThat(checkedIn.body().get("status").asString()).isEqualTo("active");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");

    Response completed = http.post(path + "/complete", "driver-1", null);

    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.body().get("status").asString()).isEqualTo("completed");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(3);
  }

  @Test
  void completeWithLaterBookingLeavesSpotReserved() {
    long spotId = lot.spot(0);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);
    reserve("driver-2", spotId, END, "2026-12-04T14:00:00+01:00");
    http.post(path + "/check-in", "driver-1", null);

    Response completed = http.post(path + "/complete", "driver-1", null);

    assertThat(completed.status()).isEqualTo(200);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
  }

  @Test
  void illegalTransitionsConflictAndChangeNothing() {
    long spotId = lot.spot(1);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);

    Response completeReserved = http.post(path + "/complete", "driver-1", null);
    http.post(path + "/check-in", "driver-1", null);
    long versionAfterCheckIn = TestLots.version(jdbc, spotId);
    Response checkInTwice = http.post(path + "/check-in", "driver-1", null);
    Response cancelActive = http.delete(path, "driver-1");
    http.post(path + "/complete", "driver-1", null);
    Response extendCompleted =
        http.patch(path, "driver-1", "{\"endTime\": \"2026-12-04T13:00:00+01:00\"}");

    assertThat(completeReserved.status()).isEqualTo(409);
    assertThat(completeReserved.type()).isEqualTo(PROBLEMS + "illegal-booking-transition");
    assertThat(checkInTwice.status()).isEqualTo(409);
    assertThat(checkInTwice.type()).isEqualTo(PROBLEMS + "illegal-booking-transition");
    assertThat(cancelActive.status()).isEqualTo(409);
    assertThat(cancelActive.type()).isEqualTo(PROBLEMS + "booking-not-cancellable");
    assertThat(extendCompleted.status()).isEqualTo(409);
    assertThat(extendCompleted.body().get("bookingStatus").asString()).isEqualTo("completed");
    assertThat(extendCompleted.body().get("status").asInt()).isEqualTo(409);
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(versionAfterCheckIn + 1);
  }

  @Test
  void illegalTransitionProblemHasOneStatus() {
    String path = "/api/bookings/" + reserve("driver-1", lot.spot(1), START, END);

    Response response = http.post(path + "/complete", "driver-1", null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.type()).isEqualTo(PROBLEMS + "illegal-booking-transition");
    assertThat(countMembers(response.text(), "status"))
        .as("RFC 9457 status members in %s", response.text())
        .isEqualTo(1);
    assertThat(response.body().get("status").asInt()).isEqualTo(409);
    assertThat(countMembers(response.text(), "bookingStatus")).isEqualTo(1);
    assertThat(response.body().get("bookingStatus").asString()).isEqualTo("reserved");
  }

  @Test
  void checkInTooEarlyIsRejected() {
    clock.set(Instant.parse("2026-12-04T08:00:00Z"));
    String path = "/api/bookings/" + reserve("driver-1", lot.spot(2), START, END);

    Response response = http.post(path + "/check-in", "driver-1", null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.type()).isEqualTo(PROBLEMS + "check-in-not-open");
    assertThat(http.get(path, "driver-1").body().get("status").asString()).isEqualTo("reserved");
  }

  @Test
  void expiryJobExpiresNoShowsOnly() {
    long noShowSpot = lot.spot(0);
    long arrivedSpot = lot.spot(1);
    String noShow = reserve("driver-1", noShowSpot, START, END);
    String arrived = reserve("driver-2", arrivedSpot, START, END);
    String later = reserve("driver-3", lot.spot(2), END, "2026-12-04T13:00:00+01:00");
    clock.set(Instant.parse("2026-12-04T09:05:00Z"));
    http.post("/api/bookings/" + arrived + "/check-in", "driver-2", null);

    clock.set(Instant.parse("2026-12-04T09:15:00Z"));
    expiryJob.expireNoShows();

    assertThat(statusOf(noShow, "driver-1")).isEqualTo("expired");
    assertThat(statusOf(arrived, "driver-2")).isEqualTo("active");
    assertThat(statusOf(later, "driver-3")).isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, noShowSpot)).isEqualTo("available");
    assertThat(TestLots.status(jdbc, arrivedSpot)).isEqualTo("occupied");
  }

  @Test
  void noShowRejectsLateCheckIn() {
    long spotId = lot.spot(0);
    String booking = reserve("driver-1", spotId, START, END);
    clock.set(OffsetDateTime.parse(START).toInstant().plus(Duration.ofMinutes(16)));

    expiryJob.expireNoShows();
    Response lateCheckIn = http.post("/api/bookings/" + booking + "/check-in", "driver-1", null);

    assertThat(statusOf(booking, "driver-1")).isEqualTo("expired");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(lateCheckIn.status()).isEqualTo(409);
    assertThat(statusOf(booking, "driver-1")).isEqualTo("expired");
  }

  @Test
  void expiryJobWaitsForGracePeriod() {
    String booking = reserve("driver-1", lot.spot(0), START, END);

    clock.set(Instant.parse("2026-12-04T09:14:59Z"));
    expiryJob.expireNoShows();

    assertThat(statusOf(booking, "driver-1")).isEqualTo("reserved");
  }

  @Test
  void extendMovesEndLater() {
    long spotId = lot.spot(0);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);

    Response response = http.patch(path, "driver-1", "{\"endTime\": \"2026-12-04T14:00\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("endTime").asString()).isEqualTo("2026-12-04T14:00:00+01:00");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(2);
  }

  @Test
  void extendIntoNextBookingConflicts() {
    long spotId = lot.spot(0);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);
    reserve("driver-2", spotId, "2026-12-04T13:00:00+01:00", "2026-12-04T14:00:00+01:00");

    Response overlapping = http.patch(path, "driver-1", "{\"endTime\": \"2026-12-04T13:30\"}");
    Response backToBack = http.patch(path, "driver-1", "{\"endTime\": \"2026-12-04T13:00\"}");

    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.type()).isEqualTo(PROBLEMS + "spot-unavailable");
    assertThat(backToBack.status()).isEqualTo(200);
  }

  @Test
  void extendRejectsEarlierEndAndLimits() {
    String path = "/api/bookings/" + reserve("driver-1", lot.spot(0), START, END);

    Response earlier = http.patch(path, "driver-1", "{\"endTime\": \"2026-12-04T11:00\"}");
    Response tooLong = http.patch(path, "driver-1", "{\"endTime\": \"2026-12-05T10:00:01\"}");
    Response missing = http.patch(path, "driver-1", "{}");

    assertThat(earlier.status()).isEqualTo(422);
    assertThat(fieldsOf(earlier)).containsExactly("endTime");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(fieldsOf(tooLong)).containsExactly("endTime");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(statusOf(path.substring(path.lastIndexOf('/') + 1), "driver-1"))
        .isEqualTo("reserved");
  }

  @Test
  void otherDriversBookingIsNotFoundEverywhere() {
    long spotId = lot.spot(0);
    String path = "/api/bookings/" + reserve("driver-1", spotId, START, END);

    List<Response> responses =
        List.of(
            http.get(path, "driver-2"),
            http.delete(path, "driver-2"),
            http.post(path + "/check-in", "driver-2", null),
            http.post(path + "/complete", "driver-2", null),
            http.patch(path, "driver-2", "{\"endTime\": \"2026-12-04T13:00\"}"));

    assertThat(responses).extracting(Response::status).containsOnly(404);
    assertThat(responses).extracting(Response::type).containsOnly(PROBLEMS + "booking-not-found");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
    String bookingId = path.substring(path.lastIndexOf('/') + 1);
    assertThat(idsOf(http.get("/api/bookings?size=100", "driver-2"))).doesNotContain(bookingId);
  }

  @Test
  void listShowsOwnBookingsNewestFirst() {
    String driver = "lister-" + System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(reserve(driver, lot.spot(i), START, END));
      clock.advance(Duration.ofSeconds(1));
    }
    http.delete("/api/bookings/" + ids.get(0), driver);

    Response all = http.get("/api/bookings", driver);
    Response reserved = http.get("/api/bookings?status=reserved", driver);
    Response secondPage = http.get("/api/bookings?page=1&size=2", driver);

    assertThat(all.status()).isEqualTo(200);
    assertThat(idsOf(all)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(all.body().get("totalElements").asLong()).isEqualTo(3);
    assertThat(idsOf(reserved)).containsExactly(ids.get(2), ids.get(1));
    assertThat(idsOf(secondPage)).containsExactly(ids.get(0));
    assertThat(all.body().at("/bookings/0/startTime").asString()).isEqualTo(START);
  }

  @Test
  void listRejectsBadParameters() {
    Response huge = http.get("/api/bookings?size=1000000", "driver-1");
    Response tooLarge = http.get("/api/bookings?size=101", "driver-1");
    Response negative = http.get("/api/bookings?page=-1", "driver-1");
    Response overflow = http.get("/api/bookings?page=99999999999999999999", "driver-1");
    Response badStatus = http.get("/api/bookings?status=parked", "driver-1");
    Response noToken = http.get("/api/bookings", null);

    assertThat(huge.status()).isEqualTo(400);
    assertThat(fieldsOf(huge)).containsExactly("size");
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(fieldsOf(negative)).containsExactly("page");
    assertThat(overflow.status()).isEqualTo(400);
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(fieldsOf(badStatus)).containsExactly("status");
    assertThat(noToken.status()).isEqualTo(401);
  }

  private String reserve(String userId, long spotId, String start, String end) {
    Response response =
        http.post(
            "/api/bookings",
            userId,
            """
            {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
                .formatted(spotId, start, end));
    assertThat(response.status()).as("reservation of spot %d", spotId).isEqualTo(201);
    return response.bookingId();
  }

  private String statusOf(String bookingId, String userId) {
    return http.get("/api/bookings/" + bookingId, userId).body().get("status").asString();
  }

  /** Counts the members of the top-level JSON object named {@code name}, duplicates included. */
  private long countMembers(String json, String name) {
    long count = 0;
    int depth = 0;
    try (JsonParser parser = mapper.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        } else if (token == JsonToken.PROPERTY_NAME
            && depth == 1
            && name.equals(parser.currentName())) {
          count++;
        }
      }
    }
    return count;
  }

  private static List<String> idsOf(Response page) {
    List<String> ids = new ArrayList<>();
    page.body().path("bookings").forEach(booking -> ids.add(booking.get("bookingId").asString()));
    return ids;
  }
}
