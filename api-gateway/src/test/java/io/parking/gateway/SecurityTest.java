package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityTest extends GatewayTestSupport {

  private static final String OTHER_KEY = "a-signing-key-that-this-platform-does-not-use";

  private static final Map<String, StubService> STUB_BY_NAME =
      Map.of(
          "booking", BOOKING,
          "availability", AVAILABILITY,
          "notification", NOTIFICATION,
          "iot", IOT);

  @ParameterizedTest
  @ValueSource(strings = {"/api/lots/1/availability", "/api/lots/1/floors/2/availability"})
  void kioskTokenReadsAvailability(String path) {
    client
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, kiosk("kiosk-entrance-1"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("availability");

    assertThat(AVAILABILITY.lastRequest().header("X-User-Id")).isEqualTo("kiosk-entrance-1");
    assertThat(AVAILABILITY.lastRequest().header("X-User-Roles")).isEqualTo("kiosk");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/lots",
    "GET, /api/lots/1",
    "GET, /api/lots/1/floors/2/spots",
    "GET, /api/spots/17",
    "GET, /api/bookings/42",
    "POST, /api/bookings",
    "DELETE, /api/bookings/42",
    "GET, /api/payments/7",
    "GET, /api/notifications",
    "GET, /api/operator/reconciliations",
    "POST, /api/lots/1/availability",
    "GET, /internal/lots/1/layout",
    "GET, /actuator/metrics",
  })
  void kioskTokenForbiddenElsewhere(String method, String path) {
    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, kiosk("kiosk-entrance-1"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/forbidden")
        .jsonPath("$.status")
        .isEqualTo(403)
        .jsonPath("$.instance")
        .isEqualTo(path)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("[kiosk]", method + " " + path));

    assertNoStubReached();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/lots/1/availability",
        "/api/lots/1/floors/2/availability",
        "/v3/api-docs/booking",
        "/actuator/health"
      })
  void openPathNeedsNoToken(String path) {
    client.get().uri(path).exchange().expectStatus().isOk();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/lots/1",
        "/api/spots/17",
        "/api/bookings/42",
        "/api/payments/7",
        "/api/notifications",
        "/api/operator/reconciliations",
        "/internal/lots/1/layout",
        "/api/unknown/1",
        "/actuator/metrics"
      })
  void missingTokenIsUnauthorizedProblem(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/unauthenticated")
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.instance")
        .isEqualTo(path)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("Authorization: Bearer"));

    assertNoStubReached();
  }

  @Test
  void expiredTokenIsUnauthorizedProblem() {
    Instant now = Instant.now();
    String expired =
        TOKENS.sign(
            "driver-1",
            List.of(Roles.DRIVER),
            now.minus(Duration.ofHours(2)),
            now.minusSeconds(3600));

    expectInvalidToken("/api/bookings/42", expired, "expired");
  }

  @Test
  void wronglySignedTokenIsUnauthorizedProblem() {
    DevTokens foreign =
        new DevTokens(
            new TokenSettings(
                TokenSettings.DEFAULT_ISSUER, TokenSettings.DEFAULT_AUDIENCE, OTHER_KEY));
    String token = foreign.mint("driver-1", List.of(Roles.DRIVER), Duration.ofMinutes(10));

    expectInvalidToken("/api/bookings/42", token, "signature");
  }

  @Test
  void wrongIssuerIsUnauthorizedProblem() {
    DevTokens foreign =
        new DevTokens(
            new TokenSettings(
                "another-issuer",
                TokenSettings.DEFAULT_AUDIENCE,
                TokenSettings.DEVELOPMENT_SECRET));
    String token = foreign.mint("driver-1", List.of(Roles.DRIVER), Duration.ofMinutes(10));

    expectInvalidToken("/api/bookings/42", token, "iss");
  }

  @Test
  void wrongAudienceIsUnauthorizedProblem() {
    DevTokens foreign =
        new DevTokens(
            new TokenSettings(
                TokenSettings.DEFAULT_ISSUER, "another-api", TokenSettings.DEVELOPMENT_SECRET));
    String token = foreign.mint("driver-1", List.of(Roles.DRIVER), Duration.ofMinutes(10));

    expectInvalidToken("/api/bookings/42", token, "audience");
  }

  @Test
  void malformedTokenIsUnauthorizedProblem() {
    expectInvalidToken("/api/bookings/42", "not-a-jwt", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/lots/1/availability", "/kiosk/index.html", "/v3/api-docs/booking"})
  void invalidTokenOnOpenPathIsUnauthorized(String path) {
    Instant now = Instant.now();
    String expired =
        TOKENS.sign(
            "kiosk-1",
            List.of(Roles.KIOSK),
            now.minus(Duration.ofHours(2)),
            now.minusSeconds(3600));

    expectInvalidToken(path, expired, "expired");
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @CsvSource({
    "GET, /api/bookings/42, operator",
    "GET, /api/payments/7, operator",
    "POST, /api/payments/authorisations, driver",
    "POST, /api/payments/7/captures, driver",
    "POST, /api/payments/7/refunds, driver",
    "GET, /api/operator/reconciliations, driver",
    "GET, /actuator/metrics, driver",
    "GET, /api/bookings/42, service",
    "GET, /api/lots/1, service",
  })
  void roleWithoutAccessIsForbidden(String method, String path, String role) {
    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, bearer("user-1", role))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/forbidden");

    assertNoStubReached();
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @CsvSource({
    "GET, /api/lots/1, operator",
    "GET, /api/spots/17, operator",
    "GET, /api/notifications, operator",
    "GET, /api/operator/reconciliations, operator",
    "POST, /api/bookings, driver",
    "GET, /api/lots/1/availability, operator",
  })
  void roleWithAccessReachesService(String method, String path, String role) {
    client
        .method(HttpMethod.valueOf(method))
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, bearer("user-1", role))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest(name = "POST {0} as operator")
  @CsvSource({
    "/api/payments/authorisations",
    "/api/payments/7/captures",
    "/api/payments/7/refunds"
  })
  void operatorPaymentChangesPassSecurity(String path) {
    // The payment stand-in is not listening, so a request that passed the rules ends in 503.
    client
        .post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, bearer("operator-1", Roles.OPERATOR))
        .header("Idempotency-Key", "key-1")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("payment");
  }

  @Test
  void tokenWithSeveralRolesGetsUnionOfRights() {
    String both = bearer("user-2", Roles.DRIVER, Roles.OPERATOR);

    client
        .get()
        .uri("/api/bookings/42")
        .header(HttpHeaders.AUTHORIZATION, both)
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri("/api/operator/reconciliations")
        .header(HttpHeaders.AUTHORIZATION, both)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(BOOKING.lastRequest().header("X-User-Roles")).isEqualTo("driver,operator");
  }

  private void expectInvalidToken(String path, String token, String reason) {
    WebTestClient.ResponseSpec response =
        client
            .get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value(
                HttpHeaders.WWW_AUTHENTICATE,
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    response
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/unauthenticated")
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(
            detail -> assertThat((String) detail).contains("bearer token", "was rejected", reason));

    assertNoStubReached();
  }

  private static void assertNoStubReached() {
    STUB_BY_NAME.forEach(
        (name, stub) -> assertThat(stub.requests()).as("requests at the %s stub", name).isEmpty());
  }
}
