package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
import io.parking.notification.support.BearerTokens;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Who may read which feed and e-mail history: the caller is the token's subject, only drivers and
 * operators get in, and every rejection is a problem detail.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationSecurityTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String FEED = "/api/notifications";
  private static final String DELIVERIES = "/api/notifications/deliveries";

  @Autowired private MockMvcTester mvc;

  private final String driverA = "driver-a-" + UUID.randomUUID();
  private final String driverB = "driver-b-" + UUID.randomUUID();
  private final UUID bookingA = UUID.randomUUID();
  private final UUID bookingB = UUID.randomUUID();
  private EventEnvelope<BookingChanged> reservedA;
  private EventEnvelope<BookingChanged> reservedB;

  /** Confirms one booking of each driver, which writes a feed entry and an e-mail for each. */
  @BeforeEach
  void reserveOneBookingPerDriver() {
    long spotId = Math.floorMod(bookingA.getMostSignificantBits(), 1_000_000L) + 1;
    String spotKey = Long.toString(spotId);
    reservedA = PlatformEvents.reserved(bookingA, spotId, driverA);
    reservedB = PlatformEvents.reserved(bookingB, spotId, driverB);
    send(Topics.BOOKING_EVENTS, spotKey, reservedA);
    send(Topics.BOOKING_EVENTS, spotKey, reservedB);
    await()
        .untilAsserted(
            () -> {
              assertThat(emailDeliveriesOf(driverA)).isEqualTo(1);
              assertThat(emailDeliveriesOf(driverB)).isEqualTo(1);
            });
  }

  @Test
  void driverFeedExcludesOtherDriver() {
    assertThat(mvc.get().uri(FEED).header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"kind": "BOOKING_CONFIRMED", "bookingId": "%s"}]
            """
                .formatted(bookingA));
    assertThat(mvc.get().uri(FEED).header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverB)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"kind": "BOOKING_CONFIRMED", "bookingId": "%s"}]
            """
                .formatted(bookingB));
  }

  @Test
  void driverHistoryExcludesOtherDriver() {
    assertThat(
            mvc.get()
                .uri(DELIVERIES)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"eventId": "%s", "channel": "email"}]
            """
                .formatted(reservedA.eventId()));
    assertThat(
            mvc.get()
                .uri(DELIVERIES)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverB)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"eventId": "%s", "channel": "email"}]
            """
                .formatted(reservedB.eventId()));
  }

  @Test
  void forgedUserHeaderIsIgnoredByFeed() {
    assertThat(
            mvc.get()
                .uri(FEED)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA))
                .header("X-User-Id", driverB))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$[*].bookingId")
        .asArray()
        .containsExactly(bookingA.toString());
  }

  @Test
  void forgedUserHeaderIsIgnoredByHistory() {
    assertThat(
            mvc.get()
                .uri(DELIVERIES)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA))
                .header("X-User-Id", driverB))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$[*].eventId")
        .asArray()
        .containsExactly(reservedA.eventId().toString());
  }

  static Stream<Arguments> rejectedRoles() {
    return Stream.of(
        Arguments.of(FEED, List.of(Roles.KIOSK)),
        Arguments.of(DELIVERIES, List.of(Roles.KIOSK)),
        Arguments.of(FEED, List.of(Roles.SERVICE)),
        Arguments.of(DELIVERIES, List.of()));
  }

  @ParameterizedTest(name = "{0} with roles {1}")
  @MethodSource("rejectedRoles")
  void otherRolesAreForbidden(String path, List<String> roles) {
    assertThat(
            mvc.get()
                .uri(path)
                .header(
                    HttpHeaders.AUTHORIZATION,
                    BearerTokens.bearer(driverA, roles.toArray(String[]::new))))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sforbidden", "status": 403, "instance": "%s"}
            """
                .formatted(PROBLEMS, path));
  }

  @ParameterizedTest(name = "{0} with roles {1}")
  @MethodSource("allowedRoles")
  void driverAndOperatorRolesAreAllowed(String path, String role) {
    assertThat(
            mvc.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.bearer(driverA, role)))
        .hasStatus(HttpStatus.OK);
  }

  static Stream<Arguments> allowedRoles() {
    return Stream.of(
        Arguments.of(FEED, Roles.DRIVER),
        Arguments.of(FEED, Roles.OPERATOR),
        Arguments.of(DELIVERIES, Roles.DRIVER),
        Arguments.of(DELIVERIES, Roles.OPERATOR));
  }

  @Test
  void operatorFeedNeedsOperatorRole() {
    assertThat(
            mvc.get()
                .uri(FEED)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(OPERATOR_USER_ID)))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sforbidden", "status": 403, "instance": "%s"}
            """
                .formatted(PROBLEMS, FEED));
    assertThat(
            mvc.get()
                .uri(FEED)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(OPERATOR_USER_ID)))
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("needs a token with the operator role, but this token has roles [driver]");
    assertThat(
            mvc.get()
                .uri(FEED)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(OPERATOR_USER_ID)))
        .hasStatus(HttpStatus.OK);
  }

  static Stream<Arguments> unusableTokens() {
    Instant now = Instant.now();
    TokenSettings development = TokenSettings.development();
    DevTokens otherKey =
        new DevTokens(
            new TokenSettings(
                development.issuer(),
                development.audience(),
                "a-different-signing-key-that-is-long-enough"));
    DevTokens otherIssuer =
        new DevTokens(
            new TokenSettings("another-issuer", development.audience(), development.secret()));
    DevTokens otherAudience =
        new DevTokens(new TokenSettings(development.issuer(), "another-api", development.secret()));
    List<String> driver = List.of(Roles.DRIVER);
    return Stream.of(
        Arguments.of("missing", null),
        Arguments.of(
            "expired",
            "Bearer "
                + new DevTokens(development)
                    .sign(
                        "driver-1",
                        driver,
                        now.minus(Duration.ofHours(1)),
                        now.minus(Duration.ofMinutes(10)))),
        Arguments.of(
            "wrongly signed",
            "Bearer " + otherKey.mint("driver-1", driver, Duration.ofMinutes(10))),
        Arguments.of(
            "foreign issuer",
            "Bearer " + otherIssuer.mint("driver-1", driver, Duration.ofMinutes(10))),
        Arguments.of(
            "foreign audience",
            "Bearer " + otherAudience.mint("driver-1", driver, Duration.ofMinutes(10))),
        Arguments.of("malformed", "Bearer not-a-jwt"));
  }

  @ParameterizedTest(name = "{0} token")
  @MethodSource("unusableTokens")
  void unusableTokenIsUnauthorized(String description, String authorization) {
    for (String path : List.of(FEED, DELIVERIES)) {
      MockMvcTester.MockMvcRequestBuilder request = mvc.get().uri(path);
      if (authorization != null) {
        request.header(HttpHeaders.AUTHORIZATION, authorization);
      }

      assertThat(request)
          .hasStatus(HttpStatus.UNAUTHORIZED)
          .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .bodyJson()
          .isLenientlyEqualTo(
              """
              {"type": "%sunauthenticated", "title": "Authentication required", "status": 401,
               "instance": "%s"}
              """
                  .formatted(PROBLEMS, path));
    }
  }

  @Test
  void pathsOutsideFeedAreDenied() {
    assertThat(
            mvc.get()
                .uri("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver("driver-metrics")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.get()
                .uri("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(OPERATOR_USER_ID)))
        .hasStatus(HttpStatus.OK);
    assertThat(mvc.get().uri("/api/notification-settings")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void apiDocsOmitUserHeader() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$.paths['/api/notifications'].get.parameters[*].name")
        .asArray()
        .containsExactly("bookingId");
    assertThat(mvc.get().uri("/v3/api-docs")).bodyText().doesNotContain("X-User-Id");
  }

  @Test
  void apiDocsNameServiceAndNeedToken() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$.info.title")
        .isEqualTo("Notification service API");
    assertThat(mvc.get().uri("/v3/api-docs"))
        .bodyJson()
        .extractingPath("$.paths['/api/notifications'].get.security[0].bearer")
        .asArray()
        .isEmpty();
    assertThat(mvc.get().uri("/v3/api-docs"))
        .bodyJson()
        .extractingPath("$.paths['/api/notifications'].get.responses")
        .asMap()
        .containsKeys("200", "401", "403");
  }

  @Test
  void logLinesCarryCorrelationId(CapturedOutput output) {
    String correlationId = "corr-" + UUID.randomUUID();

    assertThat(mvc.get().uri(FEED).header("X-Correlation-Id", correlationId))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasHeader("X-Correlation-Id", correlationId);

    assertThat(output.getOut().lines().filter(line -> line.contains("Rejected GET " + FEED)))
        .anySatisfy(
            line -> assertThat(line).contains("[notification-service," + correlationId + "] "));
  }

  private long emailDeliveriesOf(String userId) {
    return jdbc.sql("SELECT count(*) FROM deliveries WHERE user_id = :userId AND channel = 'email'")
        .param("userId", userId)
        .query(Long.class)
        .single();
  }
}
