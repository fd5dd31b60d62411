package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorrelationIdTest extends GatewayTestSupport {

  private static final String HEADER = "X-Correlation-Id";

  @Test
  void correlationIdGeneratedWhenAbsent() {
    List<String> returned =
        client
            .get()
            .uri("/api/lots/1")
            .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).hasSize(1);
    assertThat(UUID.fromString(returned.get(0))).isNotNull();
    assertThat(BOOKING.lastRequest().header(HEADER)).isEqualTo(returned.get(0));
  }

  @Test
  void correlationIdPreservedWhenPresent() {
    List<String> returned =
        client
            .get()
            .uri("/api/lots/1/availability")
            .header(HEADER, "kiosk-7-request-42")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).containsExactly("kiosk-7-request-42");
    assertThat(AVAILABILITY.lastRequest().header(HEADER)).isEqualTo("kiosk-7-request-42");
  }

  @Test
  void correlationIdNotDuplicatedWhenEchoed() {
    BOOKING.echoHeader(HEADER);

    List<String> returned =
        client
            .get()
            .uri("/api/spots/17")
            .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
            .header(HEADER, "echo-1")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).containsExactly("echo-1");
  }

  @Test
  void invalidCorrelationIdReplaced() {
    List<String> returned =
        client
            .get()
            .uri("/api/lots/1")
            .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
            .header(HEADER, "forged line " + "x".repeat(200))
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).hasSize(1);
    assertThat(UUID.fromString(returned.get(0))).isNotNull();
    assertThat(BOOKING.lastRequest().header(HEADER)).isEqualTo(returned.get(0));
  }

  @Test
  void unauthenticatedResponseCarriesCorrelationId() {
    List<String> returned =
        client
            .get()
            .uri("/api/bookings/42")
            .header(HEADER, "no-token-1")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).containsExactly("no-token-1");
    assertThat(BOOKING.requests()).isEmpty();
  }

  @Test
  void forbiddenResponseCarriesGeneratedCorrelationId() {
    List<String> returned =
        client
            .get()
            .uri("/api/bookings/42")
            .header(HttpHeaders.AUTHORIZATION, kiosk("kiosk-1"))
            .exchange()
            .expectStatus()
            .isForbidden()
            .returnResult(String.class)
            .getResponseHeaders()
            .get(HEADER);

    assertThat(returned).hasSize(1);
    assertThat(UUID.fromString(returned.get(0))).isNotNull();
  }
}
