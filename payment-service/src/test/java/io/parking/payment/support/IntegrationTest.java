package io.parking.payment.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
import io.parking.support.security.TokenSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole service against the PostgreSQL server on this machine (a
 * fresh random schema, dropped when the context closes) and an in-JVM Kafka broker. All subclasses
 * share one Spring context.
 */
@SpringBootTest(
    properties = {
      // Lot 5 has the tariff of the settlement tests: 5.00 per hour, 15 minutes of exit grace
      // and a daily maximum of 20.00.
      "parking.payment.pricing.lots.5.currency=EUR",
      "parking.payment.pricing.lots.5.hourly-rate-minor.standard=500",
      "parking.payment.pricing.lots.5.first-interval-minutes=60",
      "parking.payment.pricing.lots.5.first-interval-minor=500",
      "parking.payment.pricing.lots.5.billing-increment-minutes=60",
      "parking.payment.pricing.lots.5.entry-grace-minutes=5",
      "parking.payment.pricing.lots.5.exit-grace-minutes=15",
      "parking.payment.pricing.lots.5.daily-maximum-minor=2000",
      "parking.payment.capture-retry.max-attempts=3",
      "parking.payment.capture-retry.initial-backoff=100ms",
      "parking.payment.capture-retry.poll-interval=100ms",
      "parking.outbox.relay-interval=100ms",
      // The settings BearerTokens signs with, whatever PARKING_SECURITY_JWT_* this machine sets.
      "parking.security.jwt.issuer=" + TokenSettings.DEFAULT_ISSUER,
      "parking.security.jwt.audience=" + TokenSettings.DEFAULT_AUDIENCE,
      "parking.security.jwt.secret=" + TokenSettings.DEVELOPMENT_SECRET
    })
@AutoConfigureMockMvc
@EmbeddedKafka(
    partitions = 3,
    topics = Topics.BOOKING_EVENTS,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(SchemaCleanup.class)
public abstract class IntegrationTest {

  private static final String DB_URL =
      System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String DB_USER = System.getenv().getOrDefault("DB_USER", "postgres");
  private static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");

  protected static final String SCHEMA =
      "payment_test_" + UUID.randomUUID().toString().replace("-", "");

  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected JsonMapper mapper;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected EmbeddedKafkaBroker broker;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    requirePostgres();
    registry.add("DB_URL", () -> DB_URL);
    registry.add("DB_USER", () -> DB_USER);
    registry.add("DB_PASSWORD", () -> DB_PASSWORD);
    registry.add("DB_SCHEMA", () -> SCHEMA);
  }

  private static void requirePostgres() {
    try (Connection ignored = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + DB_URL
              + " as user "
              + DB_USER
              + ": start the server (or set DB_URL, DB_USER, DB_PASSWORD) before running these"
              + " tests",
          e);
    }
  }

  /** Sends an event to a topic the way producers do: the envelope's JSON, keyed by {@code key}. */
  protected void send(String topic, String key, EventEnvelope<?> event) {
    kafka.send(topic, key, mapper.writeValueAsString(event)).join();
  }

  /**
   * Reads {@code topic} from its start until it contains {@code count} records with {@code key},
   * and returns those records.
   */
  protected List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> matching = new ArrayList<>();
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                properties, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (key.equals(record.key())) {
                    matching.add(record);
                  }
                }
                assertThat(matching).hasSizeGreaterThanOrEqualTo(count);
              });
    }
    return matching;
  }
}
