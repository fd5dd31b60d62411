package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TopicReader;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Booking changes and their outbox rows commit or roll back together. */
class BookingOutboxTest extends IntegrationTest {

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private EmbeddedKafkaBroker broker;

  @AfterEach
  void dropTestTriggers() {
    jdbc.sql("DROP TRIGGER IF EXISTS reject_test_spot ON outbox_events").update();
    jdbc.sql("DROP TRIGGER IF EXISTS reject_test_spot ON bookings").update();
  }

  @Test
  void reservationSendsStoredEnvelopeUnchanged() {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    ApiClient api = new ApiClient(restClient, mapper);

    Response reserved = api.post("/api/bookings", "driver-31", request(spotId));

    assertThat(reserved.status()).isEqualTo(201);
    List<Map<String, Object>> rows = outboxRows(spotId);
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row.get("event_type")).isEqualTo(EventTypes.BOOKING_RESERVED);
    String payload = (String) row.get("payload");
    assertThat(mapper.readTree(payload).get("payload").get("bookingId").asString())
        .isEqualTo(reserved.body().get("bookingId").asString());
    try (TopicReader reader = new TopicReader(broker, Topics.BOOKING_EVENTS)) {
      ConsumerRecord<String, String> record =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> recordWithEventId(reader.poll(), row.get("event_id").toString()),
                  found -> found != null);
      assertThat(record.key()).isEqualTo(Long.toString(spotId));
      assertThat(record.value()).isEqualTo(payload);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> outboxRows(spotId).get(0).get("published_at") != null);
  }

  @Test
  void failedOutboxInsertRollsBackReservation() {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION reject_test_spot() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.aggregate_key = TG_ARGV[0] THEN
                RAISE EXCEPTION 'outbox insert rejected by the test';
              END IF;
              RETURN NEW;
            END $$
            """)
        .update();
    jdbc.sql(
            "CREATE TRIGGER reject_test_spot BEFORE INSERT ON outbox_events FOR EACH ROW"
                + " EXECUTE FUNCTION reject_test_spot('"
                + spotId
                + "')")
        .update();
    ApiClient api = new ApiClient(restClient, mapper);

    Response response = api.post("/api/bookings", "driver-32", request(spotId));

    assertThat(response.status()).isEqualTo(500);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(outboxRows(spotId)).isEmpty();
  }

  @Test
  void reservationFailingAtCommitLeavesNoEvent() {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    jdbc.sql(
            """
            CREATE OR REPLACE FUNCTION reject_test_spot() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.spot_id = TG_ARGV[0]::bigint THEN
                RAISE EXCEPTION 'booking rejected at commit by the test';
              END IF;
              RETURN NULL;
            END $$
            """)
        .update();
    jdbc.sql(
            "CREATE CONSTRAINT TRIGGER reject_test_spot AFTER INSERT ON bookings"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                + " EXECUTE FUNCTION reject_test_spot('"
                + spotId
                + "')")
        .update();
    ApiClient api = new ApiClient(restClient, mapper);

    Response response = api.post("/api/bookings", "driver-33", request(spotId));

    assertThat(response.status()).isEqualTo(500);
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
    assertThat(outboxRows(spotId)).isEmpty();
  }

  private List<Map<String, Object>> outboxRows(long spotId) {
    return jdbc.sql(
            "SELECT event_id, event_type, payload::text AS payload, published_at"
                + " FROM outbox_events WHERE aggregate_key = :key ORDER BY id")
        .param("key", Long.toString(spotId))
        .query()
        .listOfRows();
  }

  private static ConsumerRecord<String, String> recordWithEventId(
      List<ConsumerRecord<String, String>> records, String eventId) {
    return records.stream()
        .filter(record -> record.value().contains(eventId))
        .findFirst()
        .orElse(null);
  }

  /** Builds a request for a two-hour window starting in an hour, valid on any test day. */
  private static String request(long spotId) {
    Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    return """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
        .formatted(spotId, start, start.plus(Duration.ofHours(2)));
  }
}
