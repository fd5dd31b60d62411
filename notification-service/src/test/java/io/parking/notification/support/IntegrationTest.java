package io.parking.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
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
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(
    partitions = 3,
    topics = {Topics.BOOKING_EVENTS, Topics.PAYMENT_EVENTS, Topics.OPERATOR_EVENTS},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import({SchemaCleanup.class, TestClockConfig.class})
public abstract class IntegrationTest {

  private static final String DB_URL =
      System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String DB_USER = System.getenv().getOrDefault("DB_USER", "postgres");
  private static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");

  protected static final String SCHEMA =
      "notification_test_" + UUID.randomUUID().toString().replace("-", "");

  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected JsonMapper mapper;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected EmbeddedKafkaBroker broker;

  @Autowired protected MutableClock clock;

  /** Feed user of the operator alerts in the tests. */
  protected static final String OPERATOR_USER_ID = "operator-" + UUID.randomUUID();

  /** Secret of the test webhook subscription. */
  protected static final String WEBHOOK_SECRET = "test-secret-" + UUID.randomUUID();

  /** SMTP server of the tests on a free port of 127.0.0.1, shared by all test classes. */
  protected static final GreenMail SMTP = startSmtp();

  /**
   * Webhook endpoint of the tests. Subscription {@code ops} gets booking.completed and
   * payment.failed, and {@code lot-alerts} gets the operator alerts of lot 1.
   */
  protected static final WebhookReceiver WEBHOOKS = new WebhookReceiver();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    requirePostgres();
    registry.add("parking.notification.mail.enabled", () -> "true");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("parking.notification.webhooks.enabled", () -> "true");
    registry.add("parking.notification.webhooks.subscriptions[0].name", () -> "ops");
    registry.add("parking.notification.webhooks.subscriptions[0].url", WEBHOOKS::url);
    registry.add("parking.notification.webhooks.subscriptions[0].secret", () -> WEBHOOK_SECRET);
    registry.add(
        "parking.notification.webhooks.subscriptions[0].event-types",
        () -> "booking.completed,payment.failed");
    registry.add("parking.notification.webhooks.subscriptions[1].name", () -> "lot-alerts");
    registry.add("parking.notification.webhooks.subscriptions[1].url", WEBHOOKS::url);
    registry.add("parking.notification.webhooks.subscriptions[1].secret", () -> WEBHOOK_SECRET);
    registry.add(
        "parking.notification.webhooks.subscriptions[1].event-types",
        () ->
            "sensor.offline,sensor.low-battery,booking.overstayed,booking.wrong-spot-suspected,"
                + "spot.unreserved-occupancy");
    registry.add(
        "parking.notification.webhooks.subscriptions[1].lot-ids", () -> PlatformEvents.LOT_ID);
    registry.add("parking.notification.operator-user-id", () -> OPERATOR_USER_ID);
    // The tests run the reminder job themselves.
    registry.add("parking.notification.reminders.interval", () -> "1h");
    registry.add("parking.notification.retry.max-attempts", () -> "4");
    registry.add("parking.notification.retry.initial-backoff", () -> "100ms");
    registry.add("parking.notification.retry.poll-interval", () -> "100ms");
    registry.add("DB_URL", () -> DB_URL);
    registry.add("DB_USER", () -> DB_USER);
    registry.add("DB_PASSWORD", () -> DB_PASSWORD);
    registry.add("DB_SCHEMA", () -> SCHEMA);
  }

  private static GreenMail startSmtp() {
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    return smtp;
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
