package io.parking.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
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
  void sensorOfflineMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("2d4e6f80-1a2b-4c3d-9e4f-5a6b7c8d9e0f"),
            EventTypes.SENSOR_OFFLINE,
            1,
            Instant.parse("2026-12-04T09:25:00Z"),
            "217",
            new SensorAlert(1, 2, 217, "mag-0217", 12, Instant.parse("2026-12-04T09:20:00Z")));

    assertMatchesGolden(event, "sensor-offline-v1.json", SensorAlert.class);
  }

  @Test
  void bookingOverstayedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("3e5f7a91-2b3c-4d4e-8f50-6b7c8d9e0f1a"),
            EventTypes.BOOKING_OVERSTAYED,
            1,
            Instant.parse("2026-12-04T12:15:00Z"),
            "217",
            new BookingOverstayed(
                BOOKING_ID,
                1,
                2,
                217,
                "driver-42",
                Instant.parse("2026-12-04T12:00:00Z"),
                Instant.parse("2026-12-04T12:15:00Z")));

    assertMatchesGolden(event, "booking-overstayed-v1.json", BookingOverstayed.class);
  }

  @Test
  void wrongSpotSuspectedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("4f6a8b02-3c4d-4e5f-9a61-7c8d9e0f1a2b"),
            EventTypes.BOOKING_WRONG_SPOT_SUSPECTED,
            1,
            Instant.parse("2026-12-04T09:55:00Z"),
            "218",
            new WrongSpotSuspected(
                BOOKING_ID,
                "driver-42",
                1,
                2,
                217,
                218,
                "mag-0218",
                Instant.parse("2026-12-04T09:55:00Z")));

    assertMatchesGolden(event, "booking-wrong-spot-suspected-v1.json", WrongSpotSuspected.class);
  }

  @Test
  void unreservedOccupancyMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("8a1c2d3e-4f50-4612-8a7b-9c0d1e2f3a4b"),
            EventTypes.SPOT_UNRESERVED_OCCUPANCY,
            1,
            Instant.parse("2026-12-04T10:20:00Z"),
            "218",
            new UnreservedOccupancy(
                1, 2, 218, "mag-0218", "available", Instant.parse("2026-12-04T10:19:58Z")));

    assertMatchesGolden(event, "spot-unreserved-occupancy-v1.json", UnreservedOccupancy.class);
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
  void paymentReceiptIssuedMatchesGoldenJson() throws IOException {
    var event =
        new EventEnvelope<>(
            UUID.fromString("d4e5f6a7-1b2c-4d3e-9f40-516273849506"),
            EventTypes.PAYMENT_RECEIPT_ISSUED,
            1,
            Instant.parse("2026-12-04T12:10:02Z"),
            BOOKING_ID.toString(),
            new PaymentReceipt(
                UUID.fromString("8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e"),
                BOOKING_ID,
                "driver-42",
                1,
                217,
                Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-04T12:00:00Z"),
                Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-04T12:10:00Z"),
                1000,
                "EUR",
                List.of(
                    new PaymentReceipt.Line("First 60 min", 500),
                    new PaymentReceipt.Line("1 x 60 min at 500 per hour", 500))));

    assertMatchesGolden(event, "payment-receipt-issued-v1.json", PaymentReceipt.class);
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
