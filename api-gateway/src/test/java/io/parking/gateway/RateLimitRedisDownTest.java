package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts a second gateway whose Redis address has no server behind it, to check that the rate
 * limits fail open: requests pass unchecked instead of failing. The context closes after this
 * class, so its Redis client stops trying to connect.
 */
@DirtiesContext
class RateLimitRedisDownTest extends GatewayTestSupport {

  /** Twice the default write burst capacity, so a working limit would reject some. */
  private static final int WRITES = 20;

  @DynamicPropertySource
  static void redisWithoutServer(DynamicPropertyRegistry registry) {
    int closedPort = StubService.unusedPort();
    registry.add("spring.data.redis.port", () -> closedPort);
  }

  @Test
  void writesPassWhenRedisDown() {
    String token = driver("driver-redis-down");

    long started = System.nanoTime();
    for (int i = 0; i < WRITES; i++) {
      client
          .post()
          .uri("/api/bookings")
          .header(HttpHeaders.AUTHORIZATION, token)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"spotId\":17}")
          .exchange()
          .expectStatus()
          .isOk();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(BOOKING.requests()).hasSize(WRITES);
    assertThat(elapsed).as("time for %d writes", WRITES).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anonymousReadsPassWhenRedisDown() {
    client.get().uri("/api/lots/1/availability").exchange().expectStatus().isOk();

    assertThat(AVAILABILITY.requests()).hasSize(1);
  }
}
