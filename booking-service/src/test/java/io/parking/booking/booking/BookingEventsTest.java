package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TopicReader;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

class BookingEventsTest extends IntegrationTest {

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;
  @Autowired private EmbeddedKafkaBroker broker;

  @Test
  void reserveAndCancelSendEventsKeyedBySpot() {
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    ApiClient api = new ApiClient(restClient, mapper);
    TestLot lot = TestLots.create(jdbc, 1);
    long spotId = lot.spot(0);
    String request =
        """
        {"spotId": %d, "startTime": "2026-12-04T10:00:00Z", "endTime": "2026-12-04T12:00:00Z"}"""
            .formatted(spotId);

    Response reserved = api.post("/api/bookings", "driver-7", request);
    String bookingId = reserved.body().get("bookingId").asString();
    api.delete("/api/bookings/" + bookingId, "driver-7");

    try (TopicReader reader = new TopicReader(broker, Topics.BOOKING_EVENTS)) {
      List<EventEnvelope<BookingChanged>> events =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> eventsOf(reader.poll(), bookingId), found -> found.size() == 2);

      EventEnvelope<BookingChanged> first = events.get(0);
      assertThat(first.type()).isEqualTo(EventTypes.BOOKING_RESERVED);
      assertThat(first.version()).isEqualTo(1);
      assertThat(first.aggregateId()).isEqualTo(bookingId);
      assertThat(first.payload())
          .isEqualTo(
              new BookingChanged(
                  UUID.fromString(bookingId),
                  lot.lotId(),
                  lot.floor(0).floorId(),
                  spotId,
                  "driver-7",
                  Instant.parse("2026-12-04T10:00:00Z"),
                  Instant.parse("2026-12-04T12:00:00Z"),
                  "reserved",
                  true));
      EventEnvelope<BookingChanged> second = events.get(1);
      assertThat(second.type()).isEqualTo(EventTypes.BOOKING_CANCELLED);
      assertThat(second.payload().status()).isEqualTo("cancelled");
      assertThat(second.payload().spotHeld()).isFalse();
      assertThat(second.eventId()).isNotEqualTo(first.eventId());
    }
  }

  private List<EventEnvelope<BookingChanged>> eventsOf(
      List<ConsumerRecord<String, String>> records, String bookingId) {
    JavaType type =
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, BookingChanged.class);
    return records.stream()
        .filter(record -> record.value().contains(bookingId))
        .map(
            record -> {
              EventEnvelope<BookingChanged> event = mapper.readValue(record.value(), type);
              assertThat(record.key()).isEqualTo(Long.toString(event.payload().spotId()));
              return event;
            })
        .toList();
  }
}
