package io.parking.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pins the JSON of each event type: a change here breaks every consumer in the field. */
class WireFormatTest {

  private static final UUID BOOKING_ID = UUID.fromString("0f9d2a44-8f70-4a53-b8a5-6a1ad2d5e3c7");

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void bookingReservedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("5b0d6c1e-2f4a-4c55-9a51-0c1f3f1c9a01"),
            EventTypes.BOOKING_RESERVED,
            1,
            Instant.parse("2026-12-04T09:15:00Z"),
            BOOKING_ID.toString(),
            new BookingChanged(
                BOOKING_ID,
                1,
                2,
                217,
                "driver-42",
                Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-04T12:00:00Z"),
                "reserved",
                true));

    assertMatchesGolden(event, "booking-reserved-v1.json", BookingChanged.class);
  }

  @Test
  void bookingEventWithoutSpotHeldReadsAsNull() {
    String older =
        """
        {"eventId": "5b0d6c1e-2f4a-4c55-9a51-0c1f3f1c9a01", "type": "booking.cancelled",
         "version": 1, "occurredAt": "2026-12-04T09:15:00Z", "aggregateId": "b-1",
         "payload": {"bookingId": "0f9d2a44-8f70-4a53-b8a5-6a1ad2d5e3c7", "lotId": 1,
           "floorId": 2, "spotId": 217, "userId": "driver-42",
           "startTime": "2026-12-04T10:00:00Z", "endTime": "2026-12-04T12:00:00Z",
           "status": "cancelled"}}""";
    JavaType envelopeType =
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, BookingChanged.class);

    EventEnvelope<BookingChanged> read = mapper.readValue(older, envelopeType);

    assertThat(read.payload().spotHeld()).isNull();
    assertThat(read.payload().status()).isEqualTo("cancelled");
  }

  @Test
  void sensorStateChangedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("9e3c4c0a-7c1b-4d2e-8f55-3b7f2a6d1e90"),
            EventTypes.SENSOR_STATE_CHANGED,
            1,
            Instant.parse("2026-12-04T09:20:00.250Z"),
            "217",
            new SensorStateChanged(
                1, 2, 217, "mag-0217", true, 4711, Instant.parse("2026-12-04T09:20:00Z")));

    assertMatchesGolden(event, "sensor-state-changed-v1.json", SensorStateChanged.class);
  }

  @Test
  void paymentAuthorisedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("c1d2e3f4-0a1b-4c2d-8e3f-405162738495"),
            EventTypes.PAYMENT_AUTHORISED,
            1,
            Instant.parse("2026-12-04T09:15:01Z"),
            BOOKING_ID.toString(),
            new PaymentChanged(
                UUID.fromString("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"),
                BOOKING_ID,
                "driver-42",
                500,
                "EUR",
                "authorised"));

    assertMatchesGolden(event, "payment-authorised-v1.json", PaymentChanged.class);
  }

  @Test
  void envelopeRejectsVersionZero() {
    assertThatThrownBy(
            () ->
                new EventEnvelope<>(
                    UUID.randomUUID(), EventTypes.BOOKING_CANCELLED, 0, Instant.now(), "x", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
  }

  @Test
  void envelopeFactoryStampsFreshIds() {
    var first = EventEnvelope.of(EventTypes.BOOKING_CANCELLED, "b-1", "payload");
    var second = EventEnvelope.of(EventTypes.BOOKING_CANCELLED, "b-1", "payload");

    assertThat(first.eventId()).isNotEqualTo(second.eventId());
    assertThat(first.version()).isEqualTo(1);
  }

  private <P> void assertMatchesGolden(EventEnvelope<P> event, String file, Class<P> payloadType)
      throws IOException {
    JsonNode golden = readGolden(file);

    JsonNode written = mapper.readTree(mapper.writeValueAsString(event));
    JavaType envelopeType =
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
    EventEnvelope<P> read = mapper.readValue(golden.toString(), envelopeType);

    assertThat(written).isEqualTo(golden);
    assertThat(read).isEqualTo(event);
  }

  private JsonNode readGolden(String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
      assertThat(in).as("golden file %s", file).isNotNull();
      return mapper.readTree(in);
    }
  }
}
