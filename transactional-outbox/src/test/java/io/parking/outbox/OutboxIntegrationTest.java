package io.parking.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the module's tests: {@link OutboxTestApplication} against the PostgreSQL server on this
 * machine (a fresh random schema, dropped when the context closes) and an in-JVM Kafka broker. The
 * scheduled relay is off, so each test runs relays itself and reads Kafka after they returned. All
 * subclasses share one Spring context and run one at a time, so each test starts with an empty
 * outbox table.
 */
@SpringBootTest(
    classes = OutboxTestApplication.class,
    properties = {
      "parking.outbox.relay-enabled=false",
      "spring.kafka.producer.acks=all",
      "spring.kafka.producer.properties.enable.idempotence=true",
      "spring.kafka.producer.properties.max.block.ms=5000",
      "spring.kafka.producer.properties.request.timeout.ms=5000",
      "spring.kafka.producer.properties.delivery.timeout.ms=15000"
    })
@EmbeddedKafka(
    partitions = 3,
    topics = OutboxIntegrationTest.TOPIC,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class OutboxIntegrationTest {

  static final String TOPIC = "outbox.test.events";

  static final String SCHEMA = "outbox_test_" + UUID.randomUUID().toString().replace("-", "");

  static final String DB_URL =
      System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String DB_USER = System.getenv().getOrDefault("DB_USER", "postgres");
  static final String DB_PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");

  @Autowired protected Outbox outbox;
  @Autowired protected OutboxRelay relay;
  @Autowired protected OutboxEvents events;
  @Autowired protected OutboxProperties properties;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected DataSource dataSource;
  @Autowired protected EmbeddedKafkaBroker broker;

  private final List<DefaultKafkaProducerFactory<String, String>> producerFactories =
      new ArrayList<>();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    requirePostgres();
    registry.add("spring.datasource.url", () -> DB_URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> DB_USER);
    registry.add("spring.datasource.password", () -> DB_PASSWORD);
    registry.add("spring.flyway.schemas", () -> SCHEMA);
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("DELETE FROM outbox_events").update();
  }

  @AfterEach
  void closeProducers() {
    producerFactories.forEach(DefaultKafkaProducerFactory::destroy);
    producerFactories.clear();
  }

  /** Runs {@code work} in a transaction that commits. */
  protected void inTransaction(Runnable work) {
    transactions().executeWithoutResult(status -> work.run());
  }

  /** Runs {@code work} in a transaction that rolls back. */
  protected void inRolledBackTransaction(Runnable work) {
    transactions()
        .executeWithoutResult(
            status -> {
              work.run();
              status.setRollbackOnly();
            });
  }

  protected TransactionTemplate transactions() {
    return new TransactionTemplate(new JdbcTransactionManager(dataSource));
  }

  /** Returns a message for {@link #TOPIC} with a fresh event id. */
  protected static OutboxMessage message(String key, String payload) {
    return new OutboxMessage(TOPIC, key, UUID.randomUUID(), "test.event", payload);
  }

  /** Returns a key that no other test uses. */
  protected static String newKey(String label) {
    return label + "-" + UUID.randomUUID();
  }

  /**
   * Creates a relay with a Kafka producer of its own on the same schema, like another service
   * instance.
   */
  protected OutboxRelay newRelay(int batchSize) {
    return newRelay(batchSize, broker.getBrokersAsString(), Duration.ofSeconds(25));
  }

  protected OutboxRelay newRelay(int batchSize, String bootstrapServers, Duration sendTimeout) {
    OutboxProperties settings =
        new OutboxProperties(
            false,
            properties.relayInterval(),
            batchSize,
            sendTimeout,
            properties.retention(),
            properties.purgeInterval());
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            1000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            1000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            2000);
    DefaultKafkaProducerFactory<String, String> factory =
        new DefaultKafkaProducerFactory<>(producer);
    producerFactories.add(factory);
    KafkaTemplate<String, String> kafka = RelayKafkaTemplate.create(factory, settings);
    return new OutboxRelay(events, kafka, settings, new JdbcTransactionManager(dataSource));
  }

  /** Reads every record of {@link #TOPIC} with {@code key}, in the order Kafka stores them. */
  protected List<ConsumerRecord<String, String>> recordsOf(String key) {
    return TopicReader.readAll(broker.getBrokersAsString(), TOPIC).stream()
        .filter(record -> key.equals(record.key()))
        .toList();
  }

  protected List<Map<String, Object>> rowsOf(String key) {
    return jdbc.sql(
            "SELECT event_id, published_at, attempts, last_error FROM outbox_events"
                + " WHERE aggregate_key = :key ORDER BY id")
        .param("key", key)
        .query()
        .listOfRows();
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
}
