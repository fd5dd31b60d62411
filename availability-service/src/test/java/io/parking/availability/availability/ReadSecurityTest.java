package io.parking.availability.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import io.parking.support.web.CorrelationIdLogging;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The security chain in front of the read API: open reads for anonymous callers and every role, 401
 * and 403 problem details for everything else and for bad tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadSecurityTest extends IntegrationTest {

  private static final long LOT = TestLots.API_LOT.lotId();
  private static final String LOT_PATH = "/api/lots/" + LOT + "/availability";
  private static final String FLOOR_PATH = "/api/lots/" + LOT + "/floors/3011/availability";
  private static final String STREAM_PATH = "/api/lots/" + LOT + "/availability/stream";
  private static final String PROBLEM_TYPES = "https://parking.example/problems/";

  private static final DevTokens TOKENS = new DevTokens(TokenSettings.development());

  @Autowired private MockMvcTester mvc;

  @Autowired
  @Qualifier("springSecurityFilterChain")
  private Filter securityFilterChain;

  @LocalServerPort private int port;

  @BeforeEach
  void awaitLotBuilt() {
    await().atMost(Duration.ofSeconds(15)).until(() -> store.isRegistered(LOT));
  }

  static List<String> readPaths() {
    return List.of(LOT_PATH, FLOOR_PATH);
  }

  @ParameterizedTest
  @MethodSource("readPaths")
  void anonymousReadIsOk(String path) {
    MvcTestResult result = mvc.get().uri(path).exchange();

    assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    assertThat(result).bodyJson().extractingPath("$.free").isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {Roles.KIOSK, Roles.DRIVER, Roles.OPERATOR, Roles.SERVICE})
  void everyRoleReadsCounts(String role) {
    String authorization = bearer(role);

    MvcTestResult lot =
        mvc.get().uri(LOT_PATH).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    MvcTestResult floor =
        mvc.get().uri(FLOOR_PATH).header(HttpHeaders.AUTHORIZATION, authorization).exchange();

    assertThat(lot).hasStatusOk();
    assertThat(lot).bodyJson().extractingPath("$.lotId").isEqualTo((int) LOT);
    assertThat(floor).hasStatusOk();
    assertThat(floor).bodyJson().extractingPath("$.floorId").isEqualTo(3011);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void anonymousWriteIsUnauthorizedProblem(String method) {
    MvcTestResult result = mvc.method(HttpMethod.valueOf(method)).uri(LOT_PATH).exchange();

    assertUnauthorizedProblem(result, LOT_PATH);
  }

  @Test
  void kioskPostIsForbiddenProblem() {
    MvcTestResult result =
        mvc.post().uri(LOT_PATH).header(HttpHeaders.AUTHORIZATION, bearer(Roles.KIOSK)).exchange();

    assertForbiddenProblem(result, "POST " + LOT_PATH);
  }

  @Test
  void operatorPostIsForbiddenProblem() {
    MvcTestResult result =
        mvc.post()
            .uri(FLOOR_PATH)
            .header(HttpHeaders.AUTHORIZATION, bearer(Roles.OPERATOR))
            .exchange();

    assertForbiddenProblem(result, "POST " + FLOOR_PATH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/nothing-here",
        "/api/lots",
        "/api/lots/301/availability/history",
        "/internal/lots/301/layout",
        "/actuator/metrics"
      })
  void anonymousUnknownPathIsUnauthorizedProblem(String path) {
    MvcTestResult result = mvc.get().uri(path).exchange();

    assertUnauthorizedProblem(result, path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/nothing-here", "/internal/lots/301/layout", "/actuator/metrics"})
  void kioskUnknownPathIsForbiddenProblem(String path) {
    MvcTestResult result =
        mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(Roles.KIOSK)).exchange();

    assertForbiddenProblem(result, "GET " + path);
  }

  @Test
  void expiredTokenOnReadIsUnauthorized() {
    Instant now = Instant.now();
    String expired =
        TOKENS.sign(
            "kiosk-1",
            List.of(Roles.KIOSK),
            now.minus(Duration.ofHours(2)),
            now.minusSeconds(3600));

    MvcTestResult result =
        mvc.get().uri(LOT_PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + expired).exchange();

    assertUnauthorizedProblem(result, LOT_PATH);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("expired");
  }

  @Test
  void foreignSignedTokenOnReadIsUnauthorized() {
    TokenSettings foreign =
        new TokenSettings(
            TokenSettings.DEFAULT_ISSUER,
            TokenSettings.DEFAULT_AUDIENCE,
            "a-signing-key-this-platform-does-not-trust");
    String token =
        new DevTokens(foreign).mint("kiosk-1", List.of(Roles.KIOSK), Duration.ofMinutes(10));

    MvcTestResult result =
        mvc.get().uri(FLOOR_PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();

    assertUnauthorizedProblem(result, FLOOR_PATH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer not-a-jwt", "Bearer ", "Bearer a.b.c"})
  void malformedTokenOnReadIsUnauthorized(String authorization) {
    MvcTestResult result =
        mvc.get().uri(STREAM_PATH).header(HttpHeaders.AUTHORIZATION, authorization).exchange();

    assertUnauthorizedProblem(result, STREAM_PATH);
  }

  /**
   * The change stream ends with an ASYNC dispatch of its request, possibly after the token expired.
   * The chain must pass it on instead of writing a 401 into the open stream.
   */
  @Test
  void asyncDispatchOfStreamPassesChain() throws Exception {
    Instant now = Instant.now();
    String expired =
        TOKENS.sign(
            "kiosk-1", List.of(Roles.KIOSK), now.minusSeconds(7200), now.minusSeconds(3600));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", STREAM_PATH);
    request.setDispatcherType(DispatcherType.ASYNC);
    request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + expired);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain servlet = new MockFilterChain();

    securityFilterChain.doFilter(request, response, servlet);

    assertThat(servlet.getRequest()).as("request passed on to the servlet").isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).isEmpty();
  }

  /** A read that fails ends in an ERROR dispatch to /error, which must reach the error page. */
  @Test
  void errorDispatchOfReadPassesChain() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setDispatcherType(DispatcherType.ERROR);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, STREAM_PATH);
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain servlet = new MockFilterChain();

    securityFilterChain.doFilter(request, response, servlet);

    assertThat(servlet.getRequest()).as("request passed on to the error page").isNotNull();
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void rejectionLogLineNamesCorrelationId(CapturedOutput output) throws Exception {
    String correlationId = "read-security-" + UUID.randomUUID();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/nothing-here"))
            .header(CorrelationIdLogging.HEADER, correlationId)
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue(CorrelationIdLogging.HEADER)).contains(correlationId);
    assertThat(output.getOut().lines().filter(line -> line.contains(correlationId)))
        .anySatisfy(
            line -> {
              assertThat(line).contains("[availability-service," + correlationId + "] ");
              assertThat(line).contains("Rejected GET /api/nothing-here with 401");
            });
  }

  private static String bearer(String role) {
    return "Bearer " + TOKENS.mint(role + "-1", List.of(role), Duration.ofMinutes(10));
  }

  private static void assertUnauthorizedProblem(MvcTestResult result, String path) {
    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEM_TYPES + "unauthenticated");
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(path);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("Authorization: Bearer <token>");
  }

  private static void assertForbiddenProblem(MvcTestResult result, String methodAndPath) {
    assertThat(result)
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEM_TYPES + "forbidden");
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(403);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(methodAndPath);
  }
}
