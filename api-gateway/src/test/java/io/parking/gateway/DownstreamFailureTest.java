package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class DownstreamFailureTest extends GatewayTestSupport {

  @Test
  void unreachableServiceIsServiceUnavailableProblem() {
    client
        .get()
        .uri("/api/payments?bookingId=42")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("X-Correlation-Id")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/service-unavailable")
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.service")
        .isEqualTo("payment")
        .jsonPath("$.route")
        .isEqualTo("payment")
        .jsonPath("$.instance")
        .isEqualTo("/api/payments")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("payment service"));
  }

  @Test
  void unreachableApiDocsNameService() {
    client
        .get()
        .uri("/v3/api-docs/payment")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("payment")
        .jsonPath("$.route")
        .isEqualTo("payment-api-docs");
  }

  @Test
  void silentServiceIsTimeoutProblem() {
    AVAILABILITY.hang();

    client
        .get()
        .uri("/api/lots/1/availability")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/service-timeout")
        .jsonPath("$.service")
        .isEqualTo("availability")
        .jsonPath("$.route")
        .isEqualTo("availability");

    assertThat(AVAILABILITY.lastRequest().path()).isEqualTo("/api/lots/1/availability");
  }

  @Test
  void serviceErrorPassesThroughUnchanged() {
    AVAILABILITY.respond(
        404,
        "application/problem+json",
        "{\"type\":\"https://parking.example/problems/lot-not-found\",\"status\":404}");

    client
        .get()
        .uri("/api/lots/99/availability")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .json("{\"type\":\"https://parking.example/problems/lot-not-found\",\"status\":404}", true);
  }
}
