package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

class WebProtectionTest extends GatewayTestSupport {

  private static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Pattern SCRIPT_TAG =
      Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080"})
  void preflightFromAllowedOriginSucceeds(String origin) {
    client
        .options()
        .uri("/api/bookings")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization,content-type,idempotency-key,x-correlation-id")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
            methods -> assertThat(methods).contains("GET", "POST", "PATCH", "DELETE"))
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
            headers ->
                assertThat(headers.toLowerCase())
                    .contains(
                        "authorization", "content-type", "idempotency-key", "x-correlation-id"));

    assertThat(BOOKING.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://attacker.example", "http://localhost.attacker.example:8080"})
  void preflightFromOtherOriginRejected(String origin) {
    client
        .options()
        .uri("/api/bookings")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

    assertThat(BOOKING.requests()).isEmpty();
  }

  @Test
  void preflightForPutRejected() {
    client
        .options()
        .uri("/api/bookings/42")
        .header(HttpHeaders.ORIGIN, "http://localhost:5173")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void crossOriginResponseExposesHeaders() {
    client
        .get()
        .uri("/api/lots/1/availability")
        .header(HttpHeaders.ORIGIN, "http://localhost:5173")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
        .expectHeader()
        .value(
            HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            exposed -> assertThat(exposed).contains("X-Correlation-Id", "Retry-After", "ETag"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/lots/1/availability",
        "/api/bookings/42",
        "/kiosk/index.html",
        "/swagger-ui/index.html",
        "/api/unknown"
      })
  void securityHeadersOnEveryResponse(String path) {
    client
        .get()
        .uri(path)
        .exchange()
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY")
        .expectHeader()
        .valueEquals("Referrer-Policy", "no-referrer")
        .expectHeader()
        .value(
            "Content-Security-Policy",
            policy ->
                assertThat(policy)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
  }

  @Test
  void serviceCacheHeadersKept() {
    AVAILABILITY.responseHeader("Cache-Control", "max-age=5, public");
    AVAILABILITY.responseHeader("ETag", "\"counts-42\"");

    client
        .get()
        .uri("/api/lots/1/availability")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=5, public")
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"counts-42\"")
        .expectHeader()
        .doesNotExist(HttpHeaders.PRAGMA);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/kiosk/index.html", "/swagger-ui/index.html"})
  void pageLoadsOnlySameOriginScripts(String page) {
    String html =
        client
            .get()
            .uri(page)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    Matcher scripts = SCRIPT_TAG.matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      String attributes = scripts.group(1);
      assertThat(scripts.group(2).trim()).as("inline script in %s", page).isEmpty();
      assertThat(attributes).as("script of %s", page).contains("src=").doesNotContain("//");
    }
    assertThat(count).as("scripts in %s", page).isPositive();
  }

  @Test
  void swaggerUiScriptsServed() {
    for (String script :
        List.of(
            "/swagger-ui/swagger-ui-bundle.js",
            "/swagger-ui/swagger-ui-standalone-preset.js",
            "/swagger-ui/swagger-initializer.js")) {
      client.get().uri(script).exchange().expectStatus().isOk();
    }
  }

  @Test
  void bodyOverLimitRejected() {
    client
        .post()
        .uri("/api/bookings")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json(MAX_BODY_BYTES + 1))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/content-too-large")
        .jsonPath("$.maxBodyBytes")
        .isEqualTo(MAX_BODY_BYTES)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains((MAX_BODY_BYTES + 1) + " bytes"));

    assertThat(BOOKING.requests()).isEmpty();
  }

  @Test
  void bodyAtLimitForwarded() {
    String body = json(MAX_BODY_BYTES);

    client
        .post()
        .uri("/api/bookings")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(BOOKING.lastRequest().body()).isEqualTo(body);
  }

  @Test
  void chunkedBodyOverLimitRejected() {
    chunked(json(MAX_BODY_BYTES + 1))
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/content-too-large")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("more than " + MAX_BODY_BYTES));

    assertThat(BOOKING.requests()).isEmpty();
  }

  @Test
  void chunkedBodyUnderLimitForwardedWithLength() {
    String body = json(3000);

    chunked(body).expectStatus().isOk();

    StubService.ReceivedRequest received = BOOKING.lastRequest();
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.header(HttpHeaders.CONTENT_LENGTH)).isEqualTo("3000");
    assertThat(received.header(HttpHeaders.TRANSFER_ENCODING)).isNull();
  }

  @Test
  void oversizeHeaderRejected() {
    client
        .get()
        .uri("/api/lots/1/availability")
        .header("X-Padding", "p".repeat(20 * 1024))
        .exchange()
        .expectStatus()
        .isEqualTo(431);

    assertThat(AVAILABILITY.requests()).isEmpty();
  }

  /** Sends {@code body} in chunks of 1000 bytes, without a Content-Length. */
  private WebTestClient.ResponseSpec chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Flux<DataBuffer> chunks =
        Flux.range(0, (bytes.length + 999) / 1000)
            .map(
                i ->
                    DefaultDataBufferFactory.sharedInstance.wrap(
                        java.util.Arrays.copyOfRange(
                            bytes, i * 1000, Math.min(bytes.length, (i + 1) * 1000))));
    return client
        .method(HttpMethod.POST)
        .uri("/api/bookings")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunks, DataBuffer.class)
        .exchange();
  }

  /** Returns a JSON object of exactly {@code length} bytes. */
  private static String json(int length) {
    String start = "{\"note\":\"";
    String end = "\"}";
    return start + "n".repeat(length - start.length() - end.length()) + end;
  }
}
