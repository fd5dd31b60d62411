package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.TcpProxy;
import io.parking.booking.support.TestDatabase;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import io.parking.booking.support.TopicReader;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes Kafka unreachable while drivers book and cancel, then reachable again. The service reaches
 * its own embedded broker only through a {@link TcpProxy}, whose broker advertises the proxy's
 * port; closing the proxy drops every connection and refuses new ones, as a stopped broker would,
 * and the broker keeps its data. The service runs in a context of its own, with its own schema and
 * broker, so the outage affects no other test. Short producer timeouts keep each failed relay run
 * to a few seconds.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.producer.properties.request.timeout.ms=1000",
      "spring.kafka.producer.properties.delivery.timeout.ms=3000",
      // Above max.block.ms (5 s, from application.yml) plus delivery.timeout.ms, as the relay
      // expects, so the producer's own timeouts end a failed send.
      "parking.outbox.send-timeout=9s",
      "parking.outbox.relay-interval=200ms",
      "logging.level.io.parking=DEBUG",
      TestTokens.ISSUER_PROPERTY,
      TestTokens.AUDIENCE_PROPERTY,
      TestTokens.SECRET_PROPERTY
    })
@AutoConfigureRestTestClient
@DirtiesContext
class BookingEventsOutageTest {

  private static final String SCHEMA =
      "booking_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private static final TcpProxy proxy = new TcpProxy(BookingEventsOutageTest::brokerAddress);

  private static final String DRIVER = "driver-41";

  /**
   * Maximum duration of a booking request while Kafka is down. A request that waited for Kafka
   * metadata would take the producer's max.block.ms of 5 seconds, twice this bound.
   */
  private static final Duration FAST = Duration.ofMillis(2500);

  private static EmbeddedKafkaKraftBroker broker;

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.requireReachable();
    proxy.start();
    broker = startBroker();
    registry.add("DB_URL", () -> TestDatabase.URL);
    registry.add("DB_USER", () -> TestDatabase.USER);
    registry.add("DB_SCHEMA", () -> SCHEMA);
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + proxy.port());
  }

  /** Stops the broker and drops the schema when the context closes, after its consumers stopped. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Cleanup {

    @Bean
    DisposableBean stopBrokerAndDropSchema(DataSource dataSource) {
      return () -> {
        proxy.stop();
        broker.destroy();
        new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      };
    }
  }

  @Test
  void eventsStoredDuringOutageArriveInOrderAfterRestart() {
    ApiClient api = new ApiClient(restClient, mapper);
    TestLot lot = TestLots.create(jdbc, 2);
    String spotA = Long.toString(lot.spot(0));
    String spotB = Long.toString(lot.spot(1));
    String firstBooking = reserve(api, lot.spot(0));
    await().atMost(Duration.ofSeconds(20)).until(() -> unpublished().isEmpty());

    proxy.stop();
    Response cancelled = timed(() -> api.delete("/api/bookings/" + firstBooking, DRIVER));
    Response reserved = timed(() -> api.post("/api/bookings", DRIVER, request(lot.spot(0))));
    String secondBooking = reserved.body().get("bookingId").asString();
    Response cancelledAgain = timed(() -> api.delete("/api/bookings/" + secondBooking, DRIVER));
    Response reservedOther = timed(() -> api.post("/api/bookings", DRIVER, request(lot.spot(1))));
    await().atMost(Duration.ofSeconds(20)).until(() -> unpublished().get(0).attempts() >= 1);
    List<OutboxRow> heldBack = unpublished();
    proxy.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> unpublished().isEmpty());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(reserved.status()).isEqualTo(201);
    assertThat(cancelledAgain.status()).isEqualTo(200);
    assertThat(reservedOther.status()).isEqualTo(201);
    assertThat(heldBack)
        .extracting(OutboxRow::key, OutboxRow::type)
        .containsExactly(
            tuple(spotA, EventTypes.BOOKING_CANCELLED),
            tuple(spotA, EventTypes.BOOKING_RESERVED),
            tuple(spotA, EventTypes.BOOKING_CANCELLED),
            tuple(spotB, EventTypes.BOOKING_RESERVED));
    List<OutboxRow> stored = allRows();
    assertThat(stored).hasSize(5);
    try (TopicReader reader = new TopicReader(broker, Topics.BOOKING_EVENTS)) {
      List<ConsumerRecord<String, String>> received =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(reader::poll, records -> records.size() >= stored.size());
      assertThat(received).hasSameSizeAs(stored);
      assertThat(valuesOfKey(received, spotA))
          .containsExactlyElementsOf(payloadsOfKey(stored, spotA));
      assertThat(valuesOfKey(received, spotB))
          .containsExactlyElementsOf(payloadsOfKey(stored, spotB));
    }
  }

  /** Reserves a spot while Kafka is up and returns the booking id. */
  private static String reserve(ApiClient api, long spotId) {
    Response response = api.post("/api/bookings", DRIVER, request(spotId));
    assertThat(response.status()).isEqualTo(201);
    return response.body().get("bookingId").asString();
  }

  /** Builds a request for a two-hour window starting in an hour, valid on any test day. */
  private static String request(long spotId) {
    Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    return """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
        .formatted(spotId, start, start.plus(Duration.ofHours(2)));
  }

  /** Sends a request and checks that it returned within {@link #FAST}. */
  private static Response timed(Supplier<Response> request) {
    long startNanos = System.nanoTime();
    Response response = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(FAST);
    return response;
  }

  private record OutboxRow(long id, String key, String type, String payload, int attempts) {}

  private List<OutboxRow> unpublished() {
    return rows("WHERE published_at IS NULL");
  }

  private List<OutboxRow> allRows() {
    return rows("");
  }

  private List<OutboxRow> rows(String where) {
    return jdbc.sql(
            "SELECT id, aggregate_key, event_type, payload::text AS payload, attempts"
                + " FROM outbox_events "
                + where
                + " ORDER BY id")
        .query(
            (rs, rowNum) ->
                new OutboxRow(
                    rs.getLong("id"),
                    rs.getString("aggregate_key"),
                    rs.getString("event_type"),
                    rs.getString("payload"),
                    rs.getInt("attempts")))
        .list();
  }

  private static List<String> valuesOfKey(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream()
        .filter(record -> key.equals(record.key()))
        .map(ConsumerRecord::value)
        .toList();
  }

  private static List<String> payloadsOfKey(List<OutboxRow> rows, String key) {
    return rows.stream().filter(row -> key.equals(row.key())).map(OutboxRow::payload).toList();
  }

  /**
   * Starts the broker. It advertises the proxy's port, so clients that bootstrap through the proxy
   * also send every later request through it.
   */
  private static EmbeddedKafkaKraftBroker startBroker() {
    var started = new EmbeddedKafkaKraftBroker(1, 6, Topics.BOOKING_EVENTS, Topics.SENSOR_EVENTS);
    started.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
    // Set before start-up: creating the topics already connects through the proxy.
    broker = started;
    started.afterPropertiesSet();
    return started;
  }

  /** Parses the broker's own listener address from its bootstrap servers. */
  private static InetSocketAddress brokerAddress() {
    String first = broker.getBrokersAsString().split(",")[0];
    int colon = first.lastIndexOf(':');
    return new InetSocketAddress(
        first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
  }
}
