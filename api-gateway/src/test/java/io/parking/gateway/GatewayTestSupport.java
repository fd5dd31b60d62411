package io.parking.gateway;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the whole gateway on a random port in front of stub services on loopback. Every test class
 * extends this one, so they share one Spring context and one set of stubs. The payment service URL
 * points at a port where nothing listens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Short enough that the timeout test stays fast, long enough for a loaded test machine.
    properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s")
abstract class GatewayTestSupport {

  static final StubService BOOKING = StubService.start("booking");
  static final StubService AVAILABILITY = StubService.start("availability");
  static final StubService NOTIFICATION = StubService.start("notification");
  static final StubService IOT = StubService.start("iot");
  static final int CLOSED_PAYMENT_PORT = StubService.unusedPort();

  static final List<StubService> STUBS = List.of(BOOKING, AVAILABILITY, NOTIFICATION, IOT);

  static {
    // The cached Spring context outlives each test class, so the stubs stop with the JVM.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> STUBS.forEach(StubService::stop), "stop-stubs"));
  }

  @LocalServerPort int port;

  WebTestClient client;

  @DynamicPropertySource
  static void serviceUrls(DynamicPropertyRegistry registry) {
    registry.add("BOOKING_URL", BOOKING::baseUrl);
    registry.add("AVAILABILITY_URL", AVAILABILITY::baseUrl);
    registry.add("NOTIFICATION_URL", NOTIFICATION::baseUrl);
    registry.add("IOT_URL", IOT::baseUrl);
    registry.add("PAYMENT_URL", () -> "http://127.0.0.1:" + CLOSED_PAYMENT_PORT);
  }

  @BeforeEach
  void connectAndResetStubs() {
    STUBS.forEach(StubService::reset);
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(15))
            .build();
  }
}
