package io.parking.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import io.parking.support.security.Roles;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roles each path allows, the 401 for a missing or invalid token, and the correlation id, over
 * real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessRulesTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  private static final String BOOKING_BODY =
      """
      {"spotId": %d, "startTime": "2026-12-04T10:00:00+01:00",
       "endTime": "2026-12-04T12:00:00+01:00"}""";

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
  void kioskIsForbiddenEverywhere() {
    String kiosk = TestTokens.mint("kiosk-1", Roles.KIOSK);

    for (String path :
        new String[] {
          "/api/lots",
          "/api/lots/" + lot.lotId(),
          "/api/lots/" + lot.lotId() + "/floors/" + lot.floor(0).floorId() + "/spots",
          "/api/spots/" + lot.spot(0),
          "/api/bookings",
          "/api/operator/reconciliation?lotId=" + lot.lotId(),
          "/internal/lots/" + lot.lotId() + "/layout"
        }) {
      assertForbidden(send("GET", path, kiosk, null), "GET " + path);
    }
    assertForbidden(
        send("POST", "/api/bookings", kiosk, BOOKING_BODY.formatted(lot.spot(0))),
        "POST /api/bookings");
    assertThat(TestLots.bookingCount(jdbc, lot.spot(0))).isZero();
  }

  @Test
  void operatorReadsReconciliationButNotBookings() {
    String operator = TestTokens.mint("operator-1", Roles.OPERATOR);

    Response report = send("GET", "/api/operator/reconciliation?lotId=" + lot.lotId(), operator);
    Response lots = send("GET", "/api/lots/" + lot.lotId(), operator);

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().get("lotId").asLong()).isEqualTo(lot.lotId());
    assertThat(lots.status()).isEqualTo(200);
    assertForbidden(send("GET", "/api/bookings", operator), "GET /api/bookings");
    assertForbidden(
        send("POST", "/api/bookings", operator, BOOKING_BODY.formatted(lot.spot(0))),
        "POST /api/bookings");
    assertForbidden(
        send("GET", "/internal/lots/" + lot.lotId() + "/layout", operator), "GET /internal");
    assertThat(TestLots.bookingCount(jdbc, lot.spot(0))).isZero();
  }

  @Test
  void driverIsForbiddenOperatorAndInternal() {
    String driver = TestTokens.driver("driver-1");

    assertForbidden(
        send("GET", "/api/operator/reconciliation?lotId=" + lot.lotId(), driver),
        "GET /api/operator/reconciliation");
    assertForbidden(
        send("GET", "/internal/lots/" + lot.lotId() + "/layout", driver), "GET /internal");
    assertThat(send("GET", "/api/lots/" + lot.lotId(), driver).status()).isEqualTo(200);
  }

  @Test
  void serviceReadsLayoutAndCatalogueOnly() {
    String service = TestTokens.mint("availability-service", Roles.SERVICE);

    Response layout = send("GET", "/internal/lots/" + lot.lotId() + "/layout", service);
    Response lots = send("GET", "/api/lots", service);

    assertThat(layout.status()).isEqualTo(200);
    assertThat(layout.body().get("lotId").asLong()).isEqualTo(lot.lotId());
    assertThat(lots.status()).isEqualTo(200);
    assertForbidden(send("GET", "/api/bookings", service), "GET /api/bookings");
    assertForbidden(
        send("GET", "/api/operator/reconciliation?lotId=" + lot.lotId(), service),
        "GET /api/operator/reconciliation");
  }

  @Test
  void unnamedPathsAndMethodsAreForbidden() {
    String driver = TestTokens.driver("driver-1");

    assertForbidden(send("POST", "/api/lots", driver, "{}"), "POST /api/lots");
    assertForbidden(send("DELETE", "/api/spots/" + lot.spot(0), driver), "DELETE /api/spots");
    assertForbidden(send("GET", "/api/unknown", driver), "GET /api/unknown");
    assertForbidden(send("GET", "/actuator/metrics", driver), "GET /actuator/metrics");
  }

  static Stream<Arguments> rejectedTokens() {
    return Stream.of(
        Arguments.of("missing token", null),
        Arguments.of("expired token", TestTokens.bearer(TestTokens.expiredDriver("driver-1"))),
        Arguments.of(
            "token signed with another key",
            TestTokens.bearer(TestTokens.driverSignedWithOtherKey("driver-1"))),
        Arguments.of(
            "token for another audience",
            TestTokens.bearer(TestTokens.driverForOtherAudience("driver-1"))),
        Arguments.of("malformed token", "Bearer not-a-jwt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTokens")
  void invalidTokenIsUnauthorized(String name, String authorization) {
    Map<String, String> headers =
        authorization == null ? Map.of() : Map.of("Authorization", authorization);

    for (String path : new String[] {"/api/bookings", "/api/lots/" + lot.lotId()}) {
      Response response = http.send("GET", path, headers, null);

      assertThat(response.status()).as("%s on %s", name, path).isEqualTo(401);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(response.type()).isEqualTo(PROBLEMS + "unauthenticated");
      assertThat(response.body().get("status").asInt()).isEqualTo(401);
      assertThat(response.body().get("instance").asString()).isEqualTo(path);
    }
  }

  @Test
  void correlationIdIsReturnedAndLogged(CapturedOutput output) {
    long spotId = lot.spot(1);
    Map<String, String> headers =
        Map.of(
            "Authorization", TestTokens.bearer(TestTokens.driver("driver-1")),
            "X-Correlation-Id", "test-corr-123",
            "Content-Type", "application/json");

    Response response = http.send("POST", "/api/bookings", headers, BOOKING_BODY.formatted(spotId));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("X-Correlation-Id")).isEqualTo("test-corr-123");
    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("[booking-service,test-corr-123]")
                    .contains("reserved spot " + spotId));
  }

  @Test
  void missingCorrelationIdIsGenerated() {
    Response first = send("GET", "/api/lots/" + lot.lotId(), TestTokens.driver("driver-1"));
    Response second = send("GET", "/api/lots/" + lot.lotId(), TestTokens.driver("driver-1"));

    assertThat(first.header("X-Correlation-Id")).isNotBlank();
    assertThat(second.header("X-Correlation-Id"))
        .isNotBlank()
        .isNotEqualTo(first.header("X-Correlation-Id"));
  }

  private Response send(String method, String path, String token) {
    return send(method, path, token, null);
  }

  private Response send(String method, String path, String token, String json) {
    Map<String, String> headers =
        json == null
            ? Map.of("Authorization", TestTokens.bearer(token))
            : Map.of("Authorization", TestTokens.bearer(token), "Content-Type", "application/json");
    return http.send(method, path, headers, json);
  }

  private static void assertForbidden(Response response, String request) {
    assertThat(response.status()).as(request).isEqualTo(403);
    assertThat(response.header("Content-Type")).as(request).startsWith("application/problem+json");
    assertThat(response.type()).as(request).isEqualTo(PROBLEMS + "forbidden");
  }
}
