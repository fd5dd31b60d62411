package io.parking.booking.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TopicReader;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

class SensorEventsTest extends IntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private EmbeddedKafkaBroker broker;

  private TestLot lot;
  private long sequence;

  @BeforeEach
  void setUp() {
    lot = TestLots.create(jdbc, 2);
  }

  @Test
  void carArrivingOccupiesAvailableSpot() {
    long spotId = lot.spot(0);

    UUID eventId = send(spotId, true);

    awaitProcessed(eventId);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void replayedEventIsAppliedOnce() {
    long spotId = lot.spot(0);
    EventEnvelope<SensorStateChanged> arrival = event(spotId, true);
    send(arrival);
    awaitProcessed(arrival.eventId());
    UUID departure = send(spotId, false);
    awaitProcessed(departure);

    send(arrival);
    // Same key, same partition: once this later event is applied, the replay was handled too.
    UUID marker = send(spotId, false);

    awaitProcessed(marker);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(2);
    assertThat(processedCount(arrival.eventId())).isEqualTo(1);
  }

  @Test
  void reservedSpotIgnoresSensor() {
    long spotId = lot.spot(1);
    TestLots.setStatus(jdbc, spotId, "reserved");

    UUID eventId = send(spotId, true);

    awaitProcessed(eventId);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
    assertThat(TestLots.version(jdbc, spotId)).isZero();
  }

  @Test
  void carLeavingFreesOccupiedSpot() {
    long spotId = lot.spot(1);
    TestLots.setStatus(jdbc, spotId, "occupied");

    UUID eventId = send(spotId, false);

    awaitProcessed(eventId);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("available");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void carLeavingBookedSpotKeepsReserved() {
    long spotId = lot.spot(0);
    jdbc.sql(
            "INSERT INTO bookings (booking_id, spot_id, user_id, start_time, end_time, status)"
                + " VALUES (gen_random_uuid(), :spotId, 'driver-1', now() + interval '1 hour',"
                + " now() + interval '2 hours', 'reserved')")
        .param("spotId", spotId)
        .update();
    TestLots.setStatus(jdbc, spotId, "occupied");

    UUID eventId = send(spotId, false);

    awaitProcessed(eventId);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void invalidRecordGoesToDeadLetterTopic() {
    String key = "poison-" + UUID.randomUUID();

    kafka.send(Topics.SENSOR_EVENTS, key, "{not json");

    try (TopicReader reader = new TopicReader(broker, Topics.SENSOR_EVENTS + ".dlt")) {
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(reader.poll())
                      .anySatisfy(
                          record -> {
                            assertThat(record.key()).isEqualTo(key);
                            assertThat(record.value()).isEqualTo("{not json");
                          }));
    }
  }

  private EventEnvelope<SensorStateChanged> event(long spotId, boolean occupied) {
    var reading =
        new SensorStateChanged(
            lot.lotId(),
            lot.floor(0).floorId(),
            spotId,
            "mag-" + spotId,
            occupied,
            ++sequence,
            Instant.now());
    return EventEnvelope.of(EventTypes.SENSOR_STATE_CHANGED, Long.toString(spotId), reading);
  }

  private UUID send(long spotId, boolean occupied) {
    EventEnvelope<SensorStateChanged> event = event(spotId, occupied);
    send(event);
    return event.eventId();
  }

  private void send(EventEnvelope<SensorStateChanged> event) {
    kafka.send(
        Topics.SENSOR_EVENTS,
        Long.toString(event.payload().spotId()),
        mapper.writeValueAsString(event));
  }

  private void awaitProcessed(UUID eventId) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processedCount(eventId)).isEqualTo(1));
  }

  private long processedCount(UUID eventId) {
    return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
        .param("eventId", eventId)
        .query(Long.class)
        .single();
  }
}
