package io.parking.availability;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Writes booking events as the booking service does and sends them to the embedded broker. */
public final class TestEvents {

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper mapper;

  public TestEvents(KafkaTemplate<String, String> kafka, JsonMapper mapper) {
    this.kafka = kafka;
    this.mapper = mapper;
  }

  /** Returns the JSON of a booking event whose {@code spotHeld} is set. */
  public String event(
      String type, UUID bookingId, long lotId, long floorId, long spotId, boolean spotHeld) {
    Instant start = Instant.now().plus(Duration.ofHours(1));
    var payload =
        new BookingChanged(
            bookingId,
            lotId,
            floorId,
            spotId,
            "driver-test",
            start,
            start.plus(Duration.ofHours(2)),
            type.replace("booking.", ""),
            spotHeld);
    return mapper.writeValueAsString(EventEnvelope.of(type, bookingId.toString(), payload));
  }

  /** Sends an event keyed by its spot id and waits for the broker's acknowledgement. */
  public void send(String eventJson) {
    String spotId = mapper.readTree(eventJson).at("/payload/spotId").asString();
    try {
      kafka.send(Topics.BOOKING_EVENTS, spotId, eventJson).get(10, TimeUnit.SECONDS);
    } catch (Exception exception) {
      throw new AssertionError("sending to the embedded Kafka broker failed", exception);
    }
  }
}
