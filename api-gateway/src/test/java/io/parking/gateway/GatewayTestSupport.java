package io.parking.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the whole gateway on a random port in front of stub services on loopback and the real
 * Redis at 127.0.0.1:6379, with a Redis key prefix of its own per run. Every test class extends
 * this one, so they share one Spring context and one set of stubs. The payment service URL points
 * at a port where nothing listens, and the notification service is reached through a {@link
 * ResettingProxy}.
 *
 * <p>The gateway trusts one proxy hop of {@code X-Forwarded-For} here, and every test's client
 * sends its own documentation-range IPv6 address in it, so that each test has its own bucket for
 * requests without a token.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Short enough that the timeout tests stay fast, long enough for a loaded test machine.
      "resilience4j.timelimiter.configs.default.timeout-duration=" + GatewayTestSupport.TIME_LIMIT,
      "parking.gateway.rate-limit.trusted-proxy-hops=1"
    })
abstract class GatewayTestSupport {

  static final String TIME_LIMIT = "2s";

  static final String KEY_PREFIX = "test-gateway-" + UUID.randomUUID() + ":";

  static final StubService BOOKING = StubService.start("booking");
  static final StubService AVAILABILITY = StubService.start("availability");
  static final StubService NOTIFICATION = StubService.start("notification");
  static final StubService IOT = StubService.start("iot");
  static final ResettingProxy NOTIFICATION_PROXY = ResettingProxy.start(NOTIFICATION);
  static final int CLOSED_PAYMENT_PORT = StubService.unusedPort();

  static final List<StubService> STUBS = List.of(BOOKING, AVAILABILITY, NOTIFICATION, IOT);

  static final DevTokens TOKENS = new DevTokens(TokenSettings.development());

  private static final AtomicInteger CLIENT_ADDRESSES = new AtomicInteger();

  static {
    // The cached Spring context outlives each test class, so the stubs stop with the JVM.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  NOTIFICATION_PROXY.stop();
                  STUBS.forEach(StubService::stop);
                },
                "stop-stubs"));
  }

  @LocalServerPort int port;

  @Autowired CircuitBreakerRegistry circuitBreakers;

  WebTestClient client;

  /** This test's client address, sent as X-Forwarded-For. */
  String clientAddress;

  @DynamicPropertySource
  static void serviceUrls(DynamicPropertyRegistry registry) {
    registry.add("BOOKING_URL", BOOKING::baseUrl);
    registry.add("AVAILABILITY_URL", AVAILABILITY::baseUrl);
    registry.add("NOTIFICATION_URL", NOTIFICATION_PROXY::baseUrl);
    registry.add("IOT_URL", IOT::baseUrl);
    registry.add("PAYMENT_URL", () -> "http://127.0.0.1:" + CLOSED_PAYMENT_PORT);
    registry.add("parking.gateway.rate-limit.key-prefix", () -> KEY_PREFIX);
  }

  @BeforeEach
  void connectAndResetStubs() {
    STUBS.forEach(StubService::reset);
    NOTIFICATION_PROXY.reset();
    circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    clientAddress = newClientAddress();
    client = clientFrom(clientAddress);
  }

  WebTestClient clientFrom(String address) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(15))
        .defaultHeader("X-Forwarded-For", address)
        .build();
  }

  /** Returns an address from the IPv6 documentation range that no other test uses. */
  static String newClientAddress() {
    return "2001:db8::" + Integer.toHexString(CLIENT_ADDRESSES.incrementAndGet());
  }

  /**
   * Returns an Authorization header value for {@code subject} with {@code roles}, valid 10 minutes.
   */
  static String bearer(String subject, String... roles) {
    return "Bearer " + TOKENS.mint(subject, List.of(roles), Duration.ofMinutes(10));
  }

  static String driver(String subject) {
    return bearer(subject, Roles.DRIVER);
  }

  static String operator(String subject) {
    return bearer(subject, Roles.OPERATOR);
  }

  static String kiosk(String subject) {
    return bearer(subject, Roles.KIOSK);
  }
}
