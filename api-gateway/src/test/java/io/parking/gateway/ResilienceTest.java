package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ResilienceTest extends GatewayTestSupport {

  private static final Duration TIME_LIMIT_DURATION = Duration.parse("PT" + TIME_LIMIT);

  /** The circuit breakers' minimum-number-of-calls in application.yml. */
  private static final int CALLS_TO_OPEN_CIRCUIT = 10;

  /** The Retry filter's retries in application.yml, so a GET makes this many attempts. */
  private static final int ATTEMPTS_PER_GET = 3;

  @Test
  void stoppedServiceAnswersServiceUnavailable() {
    AVAILABILITY.stopListening();
    try {
      long started = System.nanoTime();
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
          .isEqualTo("https://parking.example/problems/service-unavailable")
          .jsonPath("$.service")
          .isEqualTo("availability")
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("availability service"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      assertThat(elapsed).as("time to the 503").isLessThan(TIME_LIMIT_DURATION);

      client
          .get()
          .uri("/api/lots/1")
          .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.service")
          .isEqualTo("booking");
    } finally {
      AVAILABILITY.startListening();
    }
  }

  @Test
  void burstBeyondDefaultBulkheadIsForwarded() throws Exception {
    // Spring Cloud CircuitBreaker's bulkhead admits 25 concurrent calls per service unless
    // configured; a rush of drivers at one lot sends more than that at once.
    int concurrent = 60;
    BOOKING.respondAfter(Duration.ofMillis(500));
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < concurrent; i++) {
        String token = driver("driver-burst-" + i);
        WebTestClient caller = clientFrom(newClientAddress());
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return caller
                      .get()
                      .uri("/api/bookings/42")
                      .header(HttpHeaders.AUTHORIZATION, token)
                      .exchange()
                      .returnResult(String.class)
                      .getStatus()
                      .value();
                }));
      }
      start.countDown();

      for (Future<Integer> status : statuses) {
        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(BOOKING.requests()).hasSize(concurrent);
  }

  @Test
  void slowServicePastTimeLimitIsServiceUnavailable() {
    BOOKING.respondAfter(TIME_LIMIT_DURATION.multipliedBy(3));

    long started = System.nanoTime();
    client
        .get()
        .uri("/api/bookings/42")
        .header(HttpHeaders.AUTHORIZATION, driver("driver-1"))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/service-timeout")
        .jsonPath("$.service")
        .isEqualTo("booking")
        .jsonPath("$.route")
        .isEqualTo("booking");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isGreaterThanOrEqualTo(TIME_LIMIT_DURATION);
    assertThat(elapsed).isLessThan(TIME_LIMIT_DURATION.multipliedBy(3));
    assertThat(BOOKING.requests()).as("requests at the booking stub, none retried").hasSize(1);
  }

  @Test
  void repeatedFailuresOpenCircuit() {
    String token = driver("driver-1");
    NOTIFICATION_PROXY.resetNext(Integer.MAX_VALUE);

    for (int i = 0; i < CALLS_TO_OPEN_CIRCUIT; i++) {
      getNotifications(token)
          .expectStatus()
          .isEqualTo(503)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo("https://parking.example/problems/service-timeout");
    }
    int resetsBeforeOpen = NOTIFICATION_PROXY.resetsDone();
    assertThat(resetsBeforeOpen).isEqualTo(CALLS_TO_OPEN_CIRCUIT * ATTEMPTS_PER_GET);

    long started = System.nanoTime();
    getNotifications(token)
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/service-unavailable")
        .jsonPath("$.service")
        .isEqualTo("notification")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("circuit breaker open"));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(elapsed).isLessThan(TIME_LIMIT_DURATION);
    assertThat(NOTIFICATION_PROXY.resetsDone())
        .as("attempts after opening")
        .isEqualTo(resetsBeforeOpen);
    assertThat(NOTIFICATION.requests()).isEmpty();
  }

  @Test
  void getRetriedAfterConnectionReset() {
    NOTIFICATION_PROXY.resetNext(1);

    getNotifications(driver("driver-1"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("notification");

    assertThat(NOTIFICATION_PROXY.resetsDone()).isEqualTo(1);
    assertThat(NOTIFICATION.requests()).hasSize(1);
  }

  @Test
  void postNotRetriedAfterConnectionReset() {
    String token = driver("driver-1");
    NOTIFICATION_PROXY.resetNext(1);

    markRead(token)
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://parking.example/problems/service-timeout")
        .jsonPath("$.service")
        .isEqualTo("notification");

    assertThat(NOTIFICATION_PROXY.resetsDone()).isEqualTo(1);
    assertThat(NOTIFICATION.requests()).isEmpty();

    markRead(token).expectStatus().isOk();
    assertThat(NOTIFICATION.requests()).hasSize(1);
  }

  @Test
  void serverErrorNotRetried() {
    NOTIFICATION.respond(500, "application/problem+json", "{\"status\":500}");

    getNotifications(driver("driver-1")).expectStatus().isEqualTo(500);

    assertThat(NOTIFICATION.requests()).hasSize(1);
  }

  @Test
  void eventStreamOutlivesTimeLimit() {
    int events = 4;
    Duration interval = TIME_LIMIT_DURATION.dividedBy(2).plusMillis(100);
    AVAILABILITY.streamEvents(events, interval);

    long started = System.nanoTime();
    List<String> received =
        client
            .get()
            .uri("/api/lots/1/availability/stream")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseBody()
            .collectList()
            .block(Duration.ofSeconds(30));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(received).containsExactly("1", "2", "3", "4");
    assertThat(elapsed).isGreaterThan(TIME_LIMIT_DURATION);
  }

  private WebTestClient.ResponseSpec getNotifications(String token) {
    return client
        .get()
        .uri("/api/notifications")
        .header(HttpHeaders.AUTHORIZATION, token)
        .exchange();
  }

  private WebTestClient.ResponseSpec markRead(String token) {
    return client
        .post()
        .uri("/api/notifications/5/read")
        .header(HttpHeaders.AUTHORIZATION, token)
        .exchange();
  }
}
