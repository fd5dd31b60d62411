package io.parking.availability.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.json.JsonMapper;

class BookingEventsTest extends IntegrationTest {

  private static final long LOT = TestLots.EVENTS_LOT.lotId();
  private static final long FLOOR = 2011;

  /** Floor whose spots mark that every record sent before them was consumed. */
  private static final long MARKER_FLOOR = 2012;

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private MeterRegistry meterRegistry;
  @Autowired private EmbeddedKafkaBroker broker;

  @BeforeEach
  void awaitLotBuilt() {
    await().atMost(TIMEOUT).until(() -> store.isRegistered(LOT));
  }

  @Test
  void reservedTakesSpotAndCancelledFreesIt() {
    long freeBefore = freeSpots(LOT, FLOOR);
    UUID bookingId = UUID.randomUUID();

    send(event(EventTypes.BOOKING_RESERVED, bookingId, FLOOR, 20101));

    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore - 1);

    send(event(EventTypes.BOOKING_CANCELLED, bookingId, FLOOR, 20101));

    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore);
  }

  @Test
  void duplicateEventMovesCounterOnce() {
    long freeBefore = freeSpots(LOT, FLOOR);
    double duplicatesBefore = changes("duplicate");
    String reserved = event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), FLOOR, 20102);

    send(reserved);
    send(reserved);
    sendMarkerAndAwait(20201);

    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(freeBefore - 1);
    assertThat(changes("duplicate")).isEqualTo(duplicatesBefore + 1);
  }

  @Test
  void poisonRecordGoesToDeadLetterTopic() {
    long freeBefore = freeSpots(LOT, FLOOR);
    String poison = "not json " + UUID.randomUUID();

    try (Consumer<String, String> deadLetters = deadLetterConsumer()) {
      sendRaw("20103", poison);
      send(event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), FLOOR, 20103));

      await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore - 1);
      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500))
                    .forEach(received::add);
                assertThat(received).extracting(ConsumerRecord::value).contains(poison);
              });
      assertThat(received)
          .filteredOn(record -> poison.equals(record.value()))
          .extracting(ConsumerRecord::key)
          .containsExactly("20103");
    }
  }

  @Test
  void otherEventTypeIsIgnored() {
    long freeBefore = freeSpots(LOT, FLOOR);

    send(event("booking.checked-in", UUID.randomUUID(), FLOOR, 20104));
    sendMarkerAndAwait(20202);

    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(freeBefore);
  }

  @Test
  void unknownSpotChangesNoCount() {
    long freeBefore = freeSpots(LOT, FLOOR);
    double unknownBefore = changes("unknown_spot");

    send(event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), FLOOR, 29999));

    await().atMost(TIMEOUT).until(() -> changes("unknown_spot") == unknownBefore + 1);
    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(freeBefore);
  }

  @Test
  void appliedChangeIsCountedByOutcome() {
    double takenBefore = changes("taken");

    send(event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), FLOOR, 20105));

    await().atMost(TIMEOUT).until(() -> changes("taken") == takenBefore + 1);
  }

  @Test
  void cancellingOneOfTwoBookingsKeepsSpotHeld() {
    long freeBefore = freeSpots(LOT, FLOOR);
    UUID morning = UUID.randomUUID();
    UUID evening = UUID.randomUUID();
    send(event(EventTypes.BOOKING_RESERVED, morning, FLOOR, 20106, true));
    send(event(EventTypes.BOOKING_RESERVED, evening, FLOOR, 20106, true));
    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore - 1);

    send(event(EventTypes.BOOKING_CANCELLED, morning, FLOOR, 20106, true));
    sendMarkerAndAwait(20203);

    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(freeBefore - 1);

    send(event(EventTypes.BOOKING_CANCELLED, evening, FLOOR, 20106, false));

    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore);
  }

  @Test
  void lifecycleEventsFollowSpotHeld() {
    long freeBefore = freeSpots(LOT, FLOOR);
    UUID bookingId = UUID.randomUUID();
    send(event(EventTypes.BOOKING_RESERVED, bookingId, FLOOR, 20107, true));
    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore - 1);

    send(event(EventTypes.BOOKING_ACTIVATED, bookingId, FLOOR, 20107, true));
    send(event(EventTypes.BOOKING_EXTENDED, bookingId, FLOOR, 20107, true));
    sendMarkerAndAwait(20204);

    assertThat(freeSpots(LOT, FLOOR)).isEqualTo(freeBefore - 1);

    send(event(EventTypes.BOOKING_COMPLETED, bookingId, FLOOR, 20107, false));

    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore);
  }

  @Test
  void expiredWithoutSpotHeldReleasesSpot() {
    long freeBefore = freeSpots(LOT, FLOOR);
    UUID bookingId = UUID.randomUUID();
    send(event(EventTypes.BOOKING_RESERVED, bookingId, FLOOR, 20108));
    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore - 1);

    send(event(EventTypes.BOOKING_EXPIRED, bookingId, FLOOR, 20108));

    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == freeBefore);
  }

  /** Reserves a spot of the marker floor and waits until its count moves. */
  private void sendMarkerAndAwait(long markerSpotId) {
    long markerFreeBefore = freeSpots(LOT, MARKER_FLOOR);
    send(event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), MARKER_FLOOR, markerSpotId));
    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, MARKER_FLOOR) == markerFreeBefore - 1);
  }

  private String event(String type, UUID bookingId, long floorId, long spotId) {
    return event(type, bookingId, floorId, spotId, null);
  }

  private String event(String type, UUID bookingId, long floorId, long spotId, Boolean spotHeld) {
    String status =
        EventTypes.BOOKING_CANCELLED.equals(type) ? "cancelled" : type.replace("booking.", "");
    Instant start = Instant.now().plus(Duration.ofHours(1));
    var payload =
        new BookingChanged(
            bookingId,
            LOT,
            floorId,
            spotId,
            "driver-test",
            start,
            start.plus(Duration.ofHours(2)),
            status,
            spotHeld);
    return mapper.writeValueAsString(EventEnvelope.of(type, bookingId.toString(), payload));
  }

  private void send(String eventJson) {
    String spotId = mapper.readTree(eventJson).at("/payload/spotId").asString();
    sendRaw(spotId, eventJson);
  }

  private void sendRaw(String key, String value) {
    try {
      kafka.send(Topics.BOOKING_EVENTS, key, value).get(10, TimeUnit.SECONDS);
    } catch (Exception exception) {
      throw new AssertionError("sending to the embedded Kafka broker failed", exception);
    }
  }

  private double changes(String outcome) {
    return meterRegistry
        .get(BookingEventListener.CHANGES_METRIC)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private Consumer<String, String> deadLetterConsumer() {
    Map<String, Object> properties =
        KafkaTestUtils.consumerProps(broker, "dead-letter-reader-" + UUID.randomUUID(), false);
    Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                properties, new StringDeserializer(), new StringDeserializer())
            .createConsumer();
    broker.consumeFromAnEmbeddedTopic(consumer, Topics.BOOKING_EVENTS + Topics.DEAD_LETTER_SUFFIX);
    return consumer;
  }
}
