package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The driver of a booking is the subject of the bearer token that made it. Another driver's token
 * reaches none of its endpoints, and an {@code X-User-Id} header changes nothing.
 */
class BookingOwnershipTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  /** 09:00 to 11:00 UTC. Check-in opens at 08:45 UTC, so the test clock of 08:50 is inside it. */
  private static final String START = "2026-12-04T10:00:00+01:00";

  private static final String END = "2026-12-04T12:00:00+01:00";

  private static final String LATER_END = "{\"endTime\": \"2026-12-04T13:00:00+01:00\"}";

  @LocalServerPort private int port;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  private Http http;
  private TestLot lot;
  private String driverA;
  private String driverB;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-04T08:50:00Z"));
    http = new Http(port, mapper);
    lot = TestLots.create(jdbc, 3);
    String run = UUID.randomUUID().toString().substring(0, 8);
    driverA = "driver-a-" + run;
    driverB = "driver-b-" + run;
  }

  @Test
  void otherDriverReachesNoEndpoint() {
    long reservedSpot = lot.spot(0);
    String reserved = reserve(driverB, reservedSpot);
    Response viaAny = http.post("/api/bookings/any", driverB, anyBody());
    assertThat(viaAny.status()).as("any-spot reservation").isEqualTo(201);
    String active = viaAny.bookingId();
    long activeSpot = viaAny.body().get("spotId").asLong();
    assertThat(http.post(path(active) + "/check-in", driverB, null).status()).isEqualTo(200);
    String own = reserve(driverA, lot.spot(activeSpot == lot.spot(1) ? 2 : 1));
    JsonNode reservedBefore = http.get(path(reserved), driverB).body();
    JsonNode activeBefore = http.get(path(active), driverB).body();
    long reservedVersion = TestLots.version(jdbc, reservedSpot);
    long activeVersion = TestLots.version(jdbc, activeSpot);

    List<Response> attempts = new ArrayList<>();
    for (String bookingId : List.of(reserved, active)) {
      attempts.add(http.get(path(bookingId), driverA));
      attempts.add(http.patch(path(bookingId), driverA, LATER_END));
      attempts.add(http.post(path(bookingId) + "/check-in", driverA, null));
      attempts.add(http.post(path(bookingId) + "/complete", driverA, null));
      attempts.add(http.delete(path(bookingId), driverA));
    }
    Response listOfA = http.get("/api/bookings?size=100", driverA);

    assertThat(attempts).extracting(Response::status).containsOnly(404);
    assertThat(attempts).extracting(Response::type).containsOnly(PROBLEMS + "booking-not-found");
    assertThat(attempts)
        .extracting(response -> response.header("Content-Type"))
        .allSatisfy(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(listOfA.status()).isEqualTo(200);
    assertThat(idsOf(listOfA)).containsExactly(own);
    assertThat(http.get(path(reserved), driverB).body()).isEqualTo(reservedBefore);
    assertThat(http.get(path(active), driverB).body()).isEqualTo(activeBefore);
    assertThat(reservedBefore.get("status").asString()).isEqualTo("reserved");
    assertThat(activeBefore.get("status").asString()).isEqualTo("active");
    assertThat(TestLots.status(jdbc, reservedSpot)).isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, activeSpot)).isEqualTo("occupied");
    assertThat(TestLots.version(jdbc, reservedSpot)).isEqualTo(reservedVersion);
    assertThat(TestLots.version(jdbc, activeSpot)).isEqualTo(activeVersion);
    assertThat(idsOf(http.get("/api/bookings?size=100", driverB)))
        .containsExactlyInAnyOrder(reserved, active);
  }

  @Test
  void forgedUserHeaderIsIgnored() {
    String othersBooking = reserve(driverB, lot.spot(0));
    Map<String, String> forged =
        Map.of(
            "Authorization",
            TestTokens.bearer(TestTokens.driver(driverA)),
            "X-User-Id",
            driverB,
            "Content-Type",
            "application/json");

    Response created =
        http.send(
            "POST",
            "/api/bookings",
            forged,
            """
            {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
                .formatted(lot.spot(1), START, END));
    Response read = http.send("GET", path(othersBooking), forged, null);
    Response list = http.send("GET", "/api/bookings?size=100", forged, null);
    Response cancel = http.send("DELETE", path(othersBooking), forged, null);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("userId").asString()).isEqualTo(driverA);
    assertThat(storedOwner(created.bookingId())).isEqualTo(driverA);
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.type()).isEqualTo(PROBLEMS + "booking-not-found");
    assertThat(idsOf(list)).containsExactly(created.bookingId());
    assertThat(cancel.status()).isEqualTo(404);
    assertThat(http.get(path(othersBooking), driverB).body().get("status").asString())
        .isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, lot.spot(0))).isEqualTo("reserved");
  }

  private String reserve(String userId, long spotId) {
    Response response =
        http.post(
            "/api/bookings",
            userId,
            """
            {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
                .formatted(spotId, START, END));
    assertThat(response.status()).as("reservation of spot %d", spotId).isEqualTo(201);
    return response.bookingId();
  }

  private String anyBody() {
    return """
        {"lotId": %d, "startTime": "%s", "endTime": "%s"}"""
        .formatted(lot.lotId(), START, END);
  }

  private String storedOwner(String bookingId) {
    return jdbc.sql("SELECT user_id FROM bookings WHERE booking_id = :bookingId")
        .param("bookingId", UUID.fromString(bookingId))
        .query(String.class)
        .single();
  }

  private static String path(String bookingId) {
    return "/api/bookings/" + bookingId;
  }

  private static List<String> idsOf(Response page) {
    List<String> ids = new ArrayList<>();
    page.body().path("bookings").forEach(booking -> ids.add(booking.get("bookingId").asString()));
    return ids;
  }
}
