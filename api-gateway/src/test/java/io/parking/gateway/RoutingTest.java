package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayTestSupport {

  private static final Map<String, StubService> STUB_BY_NAME =
      Map.of(
          "booking", BOOKING,
          "availability", AVAILABILITY,
          "notification", NOTIFICATION,
          "iot", IOT);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/api/lots/1/availability, availability",
    "/api/lots/1/floors/2/availability, availability",
    "/api/lots, booking",
    "/api/lots/1, booking",
    "/api/lots/1/floors/2/spots, booking",
    "/api/spots/17, booking",
    "/api/bookings/42, booking",
    "/api/notifications, notification",
  })
  void pathReachesItsService(String path, String service) {
    client
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service)
        .jsonPath("$.path")
        .isEqualTo(path);

    STUB_BY_NAME.forEach(
        (name, stub) -> {
          int expected = name.equals(service) ? 1 : 0;
          assertThat(stub.requests()).as("requests at the %s stub", name).hasSize(expected);
        });
  }

  @Test
  void queryStringPassesThrough() {
    client
        .get()
        .uri("/api/notifications?page=2&size=20")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(NOTIFICATION.lastRequest().path()).isEqualTo("/api/notifications");
    assertThat(NOTIFICATION.lastRequest().query()).isEqualTo("page=2&size=20");
  }

  @Test
  void bookingPostPassesThroughUnchanged() {
    String requestBody =
        "{\"spotId\":17,\"startTime\":\"2026-12-04T09:00:00Z\",\"endTime\":\"2026-12-04T11:00:00Z\"}";
    String conflict =
        "{\"type\":\"https://parking.example/problems/spot-unavailable\",\"title\":\"Spot"
            + " unavailable\",\"status\":409,\"detail\":\"Spot 17 is already booked from 09:00"
            + " to 11:00.\",\"instance\":\"/api/bookings\"}";
    BOOKING.respond(409, "application/problem+json", conflict);

    byte[] response =
        client
            .post()
            .uri("/api/bookings")
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.AUTHORIZATION, driver("driver-7"))
            .header("Idempotency-Key", "4f1c2a9e-booking-1")
            .bodyValue(requestBody)
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBody();

    assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo(conflict);
    StubService.ReceivedRequest received = BOOKING.lastRequest();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.path()).isEqualTo("/api/bookings");
    assertThat(received.body()).isEqualTo(requestBody);
    assertThat(received.header("X-User-Id")).isEqualTo("driver-7");
    assertThat(received.header("X-User-Roles")).isEqualTo("driver");
    assertThat(received.header("Idempotency-Key")).isEqualTo("4f1c2a9e-booking-1");
    assertThat(received.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void deletePassesThroughWithStatus() {
    BOOKING.respond(204, "application/json", "");

    client
        .delete()
        .uri("/api/bookings/42")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-7"))
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(BOOKING.lastRequest().method()).isEqualTo("DELETE");
    assertThat(BOOKING.lastRequest().path()).isEqualTo("/api/bookings/42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/internal/lots/1/layout", "/internal", "/api/unknown/1"})
  void unroutedPathIsNotFoundProblem(String path) {
    client
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/not-found")
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.instance")
        .isEqualTo(path)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains(path));

    STUB_BY_NAME.forEach(
        (name, stub) -> assertThat(stub.requests()).as("requests at the %s stub", name).isEmpty());
  }

  @Test
  void unsupportedMethodIsProblemWithAllow() {
    client
        .put()
        .uri("/kiosk/index.html")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value("Allow", allow -> assertThat(allow).contains("GET"))
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/method-not-allowed");
  }
}
