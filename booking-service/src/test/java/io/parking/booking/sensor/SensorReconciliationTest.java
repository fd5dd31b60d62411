package io.parking.booking.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.booking.reconciliation.OverstayJob;
import io.parking.booking.support.ApiClient;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import io.parking.booking.support.TopicReader;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.Topics;
import io.parking.events.UnreservedOccupancy;
import io.parking.support.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SensorReconciliationTest extends IntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private OverstayJob overstayJob;
  @Autowired private RestTestClient client;
  @Autowired private EmbeddedKafkaBroker broker;

  private TestLot lot;
  private long sequence;

  @BeforeEach
  void setUp() {
    lot = TestLots.create(jdbc, 3);
  }

  @Test
  void walkInRecordsUnreservedOccupancy() {
    long spotId = lot.spot(0);

    awaitProcessed(send(spotId, true));

    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");
    assertThat(openOccupancies(spotId)).isEqualTo(1);
    assertThat(sensorOfOccupancy(spotId)).isEqualTo("mag-" + spotId);

    awaitProcessed(send(spotId, false));

    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(openOccupancies(spotId)).isZero();
    assertThat(count("SELECT count(*) FROM unreserved_occupancies WHERE spot_id = " + spotId))
        .isEqualTo(1);
  }

  @Test
  void carAtReservedSpotActivatesBooking() {
    long spotId = lot.spot(0);
    UUID bookingId = insertBooking(spotId, "reserved", minutes(5), minutes(65));
    TestLots.setStatus(jdbc, spotId, "reserved");

    awaitProcessed(send(spotId, true));

    assertThat(bookingStatus(bookingId)).isEqualTo("active");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");
    assertThat(outboxTypes(bookingId)).containsExactly(EventTypes.BOOKING_ACTIVATED);
    assertThat(openOccupancies(spotId)).isZero();
  }

  @Test
  void carLeavingActiveBookingCompletesIt() {
    long spotId = lot.spot(1);
    UUID bookingId = insertBooking(spotId, "reserved", minutes(-5), minutes(55));
    TestLots.setStatus(jdbc, spotId, "reserved");
    awaitProcessed(send(spotId, true));

    awaitProcessed(send(spotId, false));

    assertThat(bookingStatus(bookingId)).isEqualTo("completed");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(outboxTypes(bookingId))
        .containsExactly(EventTypes.BOOKING_ACTIVATED, EventTypes.BOOKING_COMPLETED);
    assertThat(outboxPayload(bookingId, EventTypes.BOOKING_COMPLETED).path("spotHeld").asBoolean())
        .isFalse();
  }

  @Test
  void carBeforeCheckInOpensIsUnreserved() {
    long spotId = lot.spot(2);
    UUID bookingId = insertBooking(spotId, "reserved", minutes(60), minutes(120));
    TestLots.setStatus(jdbc, spotId, "reserved");

    awaitProcessed(send(spotId, true));

    assertThat(bookingStatus(bookingId)).isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
    assertThat(openOccupancies(spotId)).isEqualTo(1);
    assertThat(operatorEventTypes(spotId)).containsExactly(EventTypes.SPOT_UNRESERVED_OCCUPANCY);
    JsonNode event = operatorPayload(spotId, EventTypes.SPOT_UNRESERVED_OCCUPANCY);
    assertThat(event.path("spotStatus").asString()).isEqualTo("reserved");
    assertThat(event.path("spotId").asLong()).isEqualTo(spotId);
  }

  @Test
  void unreservedCarSendsOneOperatorEvent() {
    long walkInSpot = lot.spot(0);
    long bookedSpot = lot.spot(1);
    UUID bookingId = insertBooking(bookedSpot, "reserved", minutes(5), minutes(65));
    TestLots.setStatus(jdbc, bookedSpot, "reserved");
    Instant arrival = clock.instant();

    awaitProcessed(send(walkInSpot, true));
    clock.advance(Duration.ofMinutes(1));
    // The same car, still on the spot, reported again.
    awaitProcessed(send(walkInSpot, true));
    // A car arriving for the booking that is due on its spot.
    awaitProcessed(send(bookedSpot, true));

    assertThat(bookingStatus(bookingId)).isEqualTo("active");
    // The walk-in also parked during the booked driver's arrival window: a wrong-spot suspicion.
    assertThat(operatorEventTypes(walkInSpot))
        .containsExactly(
            EventTypes.SPOT_UNRESERVED_OCCUPANCY, EventTypes.BOOKING_WRONG_SPOT_SUSPECTED);
    assertThat(operatorEventTypes(bookedSpot)).isEmpty();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(unpublishedOperatorEvents(walkInSpot, bookedSpot)).isZero());
    try (TopicReader reader = new TopicReader(broker, Topics.OPERATOR_EVENTS)) {
      List<ConsumerRecord<String, String>> records = reader.pollToEnd(TIMEOUT);

      List<EventEnvelope<UnreservedOccupancy>> walkIn = unreservedEvents(records, walkInSpot);
      assertThat(walkIn).hasSize(1);
      assertThat(walkIn.get(0).aggregateId()).isEqualTo(Long.toString(walkInSpot));
      assertThat(walkIn.get(0).payload())
          .isEqualTo(
              new UnreservedOccupancy(
                  lot.lotId(),
                  lot.floor(0).floorId(),
                  walkInSpot,
                  "mag-" + walkInSpot,
                  "available",
                  arrival));
      assertThat(unreservedEvents(records, bookedSpot)).isEmpty();
    }
  }

  @Test
  void walkInSuspectsWrongSpot() {
    long bookedSpot = lot.spot(0);
    long freeSpot = lot.spot(1);
    UUID bookingId = insertBooking(bookedSpot, "reserved", minutes(5), minutes(65));
    TestLots.setStatus(jdbc, bookedSpot, "reserved");

    awaitProcessed(send(freeSpot, true));

    assertThat(
            count(
                "SELECT count(*) FROM wrong_spot_suspicions WHERE booking_id = '"
                    + bookingId
                    + "' AND booked_spot_id = "
                    + bookedSpot
                    + " AND occupied_spot_id = "
                    + freeSpot))
        .isEqualTo(1);
    assertThat(bookingStatus(bookingId)).isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, bookedSpot)).isEqualTo("reserved");
    assertThat(TestLots.status(jdbc, freeSpot)).isEqualTo("occupied");
    assertThat(openOccupancies(freeSpot)).isEqualTo(1);
    assertThat(operatorEventTypes(freeSpot))
        .containsExactly(
            EventTypes.SPOT_UNRESERVED_OCCUPANCY, EventTypes.BOOKING_WRONG_SPOT_SUSPECTED);
  }

  @Test
  void overstayFlaggedThenCompleted() {
    long spotId = lot.spot(2);
    UUID bookingId = insertBooking(spotId, "reserved", minutes(-50), minutes(10));
    TestLots.setStatus(jdbc, spotId, "reserved");
    awaitProcessed(send(spotId, true));
    clock.advance(Duration.ofMinutes(26));

    overstayJob.flagOverstays();
    overstayJob.flagOverstays();

    assertThat(count("SELECT count(*) FROM overstays WHERE booking_id = '" + bookingId + "'"))
        .isEqualTo(1);
    assertThat(operatorEventTypes(spotId)).containsExactly(EventTypes.BOOKING_OVERSTAYED);
    assertThat(bookingStatus(bookingId)).isEqualTo("active");

    awaitProcessed(send(spotId, false));

    assertThat(bookingStatus(bookingId)).isEqualTo("completed");
    assertThat(
            count(
                "SELECT count(*) FROM overstays WHERE ended_at IS NOT NULL AND booking_id = '"
                    + bookingId
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void operatorReportListsLotRecords() {
    long spotId = lot.spot(0);
    awaitProcessed(send(spotId, true));
    ApiClient api = new ApiClient(client, mapper);

    ApiClient.Response response =
        api.getWithToken("/api/operator/reconciliation?lotId=" + lot.lotId(), operatorToken());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().path("lotId").asLong()).isEqualTo(lot.lotId());
    JsonNode occupancies = response.body().path("unreservedOccupancies");
    assertThat(occupancies.size()).isEqualTo(1);
    assertThat(occupancies.get(0).path("spotId").asLong()).isEqualTo(spotId);
    assertThat(occupancies.get(0).path("endedAt").isNull()).isTrue();
    assertThat(response.body().path("wrongSpotSuspicions").size()).isZero();
  }

  @Test
  void operatorReportOfUnknownLotIsNotFound() {
    ApiClient api = new ApiClient(client, mapper);

    ApiClient.Response response =
        api.getWithToken("/api/operator/reconciliation?lotId=999999999", operatorToken());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().path("type").asString())
        .isEqualTo("https://parking.example/problems/lot-not-found");
  }

  private static String operatorToken() {
    return TestTokens.mint("operator-1", Roles.OPERATOR);
  }

  private Instant minutes(long offset) {
    return clock.instant().plus(Duration.ofMinutes(offset));
  }

  private UUID insertBooking(long spotId, String status, Instant start, Instant end) {
    UUID bookingId = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO bookings (booking_id, spot_id, user_id, start_time, end_time, status)"
                + " VALUES (:bookingId, :spotId, 'driver-1', :start, :end, :status)")
        .param("bookingId", bookingId)
        .param("spotId", spotId)
        .param("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
        .param("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
        .param("status", status)
        .update();
    return bookingId;
  }

  private String bookingStatus(UUID bookingId) {
    return jdbc.sql("SELECT status FROM bookings WHERE booking_id = :bookingId")
        .param("bookingId", bookingId)
        .query(String.class)
        .single();
  }

  private List<String> outboxTypes(UUID bookingId) {
    return jdbc.sql(
            "SELECT event_type FROM outbox_events WHERE topic = :topic"
                + " AND payload->>'aggregateId' = :bookingId ORDER BY id")
        .param("topic", Topics.BOOKING_EVENTS)
        .param("bookingId", bookingId.toString())
        .query(String.class)
        .list();
  }

  private JsonNode outboxPayload(UUID bookingId, String type) {
    String json =
        jdbc.sql(
                "SELECT payload::text FROM outbox_events WHERE event_type = :type"
                    + " AND payload->>'aggregateId' = :bookingId")
            .param("type", type)
            .param("bookingId", bookingId.toString())
            .query(String.class)
            .single();
    return mapper.readTree(json).path("payload");
  }

  private List<String> operatorEventTypes(long spotId) {
    return jdbc.sql(
            "SELECT event_type FROM outbox_events WHERE topic = :topic AND aggregate_key = :key"
                + " ORDER BY id")
        .param("topic", Topics.OPERATOR_EVENTS)
        .param("key", Long.toString(spotId))
        .query(String.class)
        .list();
  }

  private JsonNode operatorPayload(long spotId, String type) {
    String json =
        jdbc.sql(
                "SELECT payload::text FROM outbox_events WHERE topic = :topic"
                    + " AND aggregate_key = :key AND event_type = :type")
            .param("topic", Topics.OPERATOR_EVENTS)
            .param("key", Long.toString(spotId))
            .param("type", type)
            .query(String.class)
            .single();
    return mapper.readTree(json).path("payload");
  }

  private long unpublishedOperatorEvents(long... spotIds) {
    List<String> keys = LongStream.of(spotIds).mapToObj(Long::toString).toList();
    return jdbc.sql(
            "SELECT count(*) FROM outbox_events WHERE topic = :topic"
                + " AND aggregate_key IN (:keys) AND published_at IS NULL")
        .param("topic", Topics.OPERATOR_EVENTS)
        .param("keys", keys)
        .query(Long.class)
        .single();
  }

  /** Returns the unreserved-occupancy events among {@code records} that are keyed by the spot. */
  private List<EventEnvelope<UnreservedOccupancy>> unreservedEvents(
      List<ConsumerRecord<String, String>> records, long spotId) {
    JavaType type =
        mapper
            .getTypeFactory()
            .constructParametricType(EventEnvelope.class, UnreservedOccupancy.class);
    return records.stream()
        .filter(record -> record.key().equals(Long.toString(spotId)))
        .filter(
            record ->
                mapper
                    .readTree(record.value())
                    .path("type")
                    .asString()
                    .equals(EventTypes.SPOT_UNRESERVED_OCCUPANCY))
        .map(record -> mapper.<EventEnvelope<UnreservedOccupancy>>readValue(record.value(), type))
        .toList();
  }

  private long openOccupancies(long spotId) {
    return count(
        "SELECT count(*) FROM unreserved_occupancies WHERE ended_at IS NULL AND spot_id = "
            + spotId);
  }

  private String sensorOfOccupancy(long spotId) {
    return jdbc.sql("SELECT sensor_id FROM unreserved_occupancies WHERE spot_id = :spotId")
        .param("spotId", spotId)
        .query(String.class)
        .single();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private UUID send(long spotId, boolean occupied) {
    var reading =
        new SensorStateChanged(
            lot.lotId(),
            lot.floor(0).floorId(),
            spotId,
            "mag-" + spotId,
            occupied,
            ++sequence,
            clock.instant());
    EventEnvelope<SensorStateChanged> event =
        EventEnvelope.of(EventTypes.SENSOR_STATE_CHANGED, Long.toString(spotId), reading);
    kafka.send(Topics.SENSOR_EVENTS, Long.toString(spotId), mapper.writeValueAsString(event));
    return event.eventId();
  }

  private void awaitProcessed(UUID eventId) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        count(
                            "SELECT count(*) FROM processed_events WHERE event_id = '"
                                + eventId
                                + "'"))
                    .isEqualTo(1));
  }
}
