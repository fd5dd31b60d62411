package io.parking.booking.support;

import io.parking.events.Topics;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a random port, against the local PostgreSQL
 * in a schema of its own and an embedded Kafka broker. All subclasses share one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "parking.demo-seed=true",
      "logging.level.io.parking=DEBUG",
      // Tests run the expiry job themselves, against the test clock.
      "parking.booking.expiry-interval=1h",
      // The settings TestTokens signs with, overriding any PARKING_SECURITY_JWT_* variables.
      TestTokens.ISSUER_PROPERTY,
      TestTokens.AUDIENCE_PROPERTY,
      TestTokens.SECRET_PROPERTY
    })
@AutoConfigureRestTestClient
@EmbeddedKafka(
    partitions = 1,
    topics = Topics.SENSOR_EVENTS,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import({SchemaCleanup.class, TestClockConfiguration.class})
public abstract class IntegrationTest {

  @Autowired protected MutableClock clock;

  /** Puts the shared test clock back to the real time before each test. */
  @BeforeEach
  void resetClock() {
    clock.set(Instant.now());
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.requireReachable();
    registry.add("DB_URL", () -> TestDatabase.URL);
    registry.add("DB_USER", () -> TestDatabase.USER);
    registry.add("DB_SCHEMA", () -> TestDatabase.SCHEMA);
  }
}
