package io.parking.availability.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.IntegrationTest;
import io.parking.availability.TestEvents;
import io.parking.availability.TestLots;
import io.parking.availability.store.SensorState;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking path (Kafka) and the sensor path (the store, as the IoT gateway calls it) changing
 * the same two-spot floor.
 */
class CountingScenarioTest extends IntegrationTest {

  private static final long LOT = TestLots.COUNTING_LOT.lotId();
  private static final long FLOOR = 4011;
  private static final long BOOKED_SPOT = 40101;
  private static final long WALK_IN_SPOT = 40102;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private MeterRegistry meterRegistry;
  @Autowired private EmbeddedKafkaBroker broker;
  @Autowired private KafkaListenerEndpointRegistry listeners;

  private TestEvents events;

  @BeforeEach
  void awaitLotBuilt() {
    events = new TestEvents(kafka, mapper);
    await().atMost(TIMEOUT).until(() -> store.isRegistered(LOT));
  }

  @Test
  void bothPathsCountEachSpotOnce() {
    UUID bookingId = UUID.randomUUID();
    List<Long> seen = new ArrayList<>();
    seen.add(freeSpots(LOT, FLOOR));

    events.send(
        events.event(EventTypes.BOOKING_RESERVED, bookingId, LOT, FLOOR, BOOKED_SPOT, true));
    await().atMost(TIMEOUT).until(() -> freeSpots(LOT, FLOOR) == 1);
    seen.add(freeSpots(LOT, FLOOR));
    store.applySensorState(BOOKED_SPOT, SensorState.OCCUPIED);
    seen.add(freeSpots(LOT, FLOOR));
    store.applySensorState(WALK_IN_SPOT, SensorState.OCCUPIED);
    seen.add(freeSpots(LOT, FLOOR));
    events.send(
        events.event(EventTypes.BOOKING_COMPLETED, bookingId, LOT, FLOOR, BOOKED_SPOT, false));
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                store.readSpot(BOOKED_SPOT).orElseThrow().booking()
                    == io.parking.availability.store.BookingState.NONE);
    seen.add(freeSpots(LOT, FLOOR));
    store.applySensorState(BOOKED_SPOT, SensorState.FREE);
    seen.add(freeSpots(LOT, FLOOR));

    assertThat(seen).containsExactly(2L, 1L, 1L, 0L, 0L, 1L);
    assertThat(seen).allSatisfy(free -> assertThat(free).isBetween(0L, 2L));
  }

  @Test
  void redeliveredEventAndReplayedOffsetsCountOnce() throws Exception {
    long lot = TestLots.REDELIVERY_LOT.lotId();
    await().atMost(TIMEOUT).until(() -> store.isRegistered(lot));
    double duplicatesBefore = duplicates();
    String reserved =
        events.event(EventTypes.BOOKING_RESERVED, UUID.randomUUID(), lot, 4021, 40201, true);

    events.send(reserved);
    events.send(reserved);
    events.send(reserved);
    await().atMost(TIMEOUT).until(() -> duplicates() >= duplicatesBefore + 2);
    replayBookingTopicFromStart();
    await().atMost(TIMEOUT).until(() -> duplicates() >= duplicatesBefore + 5);

    assertThat(freeSpots(lot, 4021)).isEqualTo(1);
  }

  /**
   * Stops the listener, moves the consumer group's offset back to the start of the topic, as if the
   * consumer had stopped before committing any offset, and starts the listener again.
   */
  private void replayBookingTopicFromStart() throws Exception {
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      admin
          .alterConsumerGroupOffsets(
              "availability-service",
              Map.of(new TopicPartition(Topics.BOOKING_EVENTS, 0), new OffsetAndMetadata(0)))
          .all()
          .get(10, TimeUnit.SECONDS);
    } finally {
      listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    }
  }

  private double duplicates() {
    return meterRegistry
        .get(BookingEventListener.CHANGES_METRIC)
        .tag("outcome", "duplicate")
        .counter()
        .count();
  }
}
