package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class IdentityHeadersTest extends GatewayTestSupport {

  @Test
  void callerUserIdReplacedByTokenSubject() {
    String token = driver("driver-7");

    client
        .post()
        .uri("/api/bookings")
        .header(HttpHeaders.AUTHORIZATION, token)
        .header("X-User-Id", "driver-999")
        .header("X-User-Roles", "operator")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"spotId\":17}")
        .exchange()
        .expectStatus()
        .isOk();

    StubService.ReceivedRequest received = BOOKING.lastRequest();
    assertThat(received.header("X-User-Id")).isEqualTo("driver-7");
    assertThat(received.header("X-User-Roles")).isEqualTo("driver");
    assertThat(values(received, "X-User-Id")).containsExactly("driver-7");
    assertThat(values(received, "X-User-Roles")).containsExactly("driver");
  }

  @Test
  void authorizationHeaderForwarded() {
    String token = driver("driver-7");

    client
        .get()
        .uri("/api/bookings/42")
        .header(HttpHeaders.AUTHORIZATION, token)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(BOOKING.lastRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo(token);
  }

  @Test
  void anonymousRequestLosesIdentityHeaders() {
    client
        .get()
        .uri("/api/lots/1/availability")
        .header("x-user-id", "driver-999")
        .header("X-USER-ROLES", "operator")
        .exchange()
        .expectStatus()
        .isOk();

    StubService.ReceivedRequest received = AVAILABILITY.lastRequest();
    assertThat(received.header("X-User-Id")).isNull();
    assertThat(received.header("X-User-Roles")).isNull();
  }

  private static List<String> values(StubService.ReceivedRequest received, String name) {
    return received.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .flatMap(header -> header.getValue().stream())
        .toList();
  }
}
