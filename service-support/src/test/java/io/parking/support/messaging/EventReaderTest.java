package io.parking.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parking.events.EventEnvelope;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventReaderTest {

  /** A payload record of the tests' own, so the tests do not depend on a platform event. */
  record Parked(String spotId, int minutes) {}

  private static final UUID EVENT_ID = UUID.fromString("0b3c1d8e-7f0a-4c52-9a41-2f6f7d1e9a10");

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final EventReader reader = new EventReader(mapper);

  @Test
  void readsValidEnvelope() {
    String json = envelope("\"spot.parked\"", "{\"spotId\": \"A-17\", \"minutes\": 45}");

    EventEnvelope<Parked> event = reader.read(json, Parked.class);

    assertThat(event.eventId()).isEqualTo(EVENT_ID);
    assertThat(event.type()).isEqualTo("spot.parked");
    assertThat(event.version()).isEqualTo(1);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
    assertThat(event.aggregateId()).isEqualTo("A-17");
    assertThat(event.payload()).isEqualTo(new Parked("A-17", 45));
  }

  @Test
  void readsTypeWithoutBindingPayload() {
    String json = envelope("\"spot.unknown\"", "[\"not\", \"a\", \"Parked\"]");

    assertThat(reader.readType(json)).isEqualTo("spot.unknown");
  }

  @Test
  void rejectsMissingOrNonStringType() {
    String withoutType =
        """
        {"eventId": "%s", "payload": {}}
        """
            .formatted(EVENT_ID);
    String numericType = envelope("42", "{}");

    assertThatThrownBy(() -> reader.readType(withoutType))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("Event has no string field 'type'");
    assertThatThrownBy(() -> reader.readType(numericType))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("Event has no string field 'type'");
  }

  @Test
  void rejectsPayloadOfWrongType() {
    String json = envelope("\"spot.parked\"", "{\"spotId\": \"A-17\", \"minutes\": \"many\"}");

    assertThatThrownBy(() -> reader.read(json, Parked.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("Event does not match EventEnvelope<Parked>: ")
        .hasMessageContaining("many");
  }

  @Test
  void rejectsMalformedJson() {
    String truncated = "{\"eventId\": \"" + EVENT_ID + "\", \"type\": ";

    assertThatThrownBy(() -> reader.readType(truncated))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("Event is not valid JSON: ");
    assertThatThrownBy(() -> reader.read(truncated, Parked.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("Event does not match EventEnvelope<Parked>: ");
  }

  @Test
  void rejectsMissingPayload() {
    String json =
        """
        {"eventId": "%s", "type": "spot.parked", "version": 1,
         "occurredAt": "2026-03-01T08:30:00Z", "aggregateId": "A-17"}
        """
            .formatted(EVENT_ID);

    assertThatThrownBy(() -> reader.read(json, Parked.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("payload");
  }

  @Test
  void rejectsMissingEnvelopeField() {
    String json =
        """
        {"type": "spot.parked", "version": 1, "occurredAt": "2026-03-01T08:30:00Z",
         "aggregateId": "A-17", "payload": {"spotId": "A-17", "minutes": 45}}
        """;

    assertThatThrownBy(() -> reader.read(json, Parked.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("eventId");
  }

  @Test
  void leavesMissingPayloadFieldsToConsumer() {
    String json = envelope("\"spot.parked\"", "{\"minutes\": 45}");

    EventEnvelope<Parked> event = reader.read(json, Parked.class);

    // The reader checks the envelope only: each consumer rejects the payload fields it needs.
    assertThat(event.payload().spotId()).isNull();
    assertThat(event.payload().minutes()).isEqualTo(45);
  }

  @Test
  void rejectsNullValue() {
    assertThatThrownBy(() -> reader.readType(null))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("null record value");
    assertThatThrownBy(() -> reader.read(null, Parked.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("null record value");
  }

  private static String envelope(String typeJson, String payloadJson) {
    return """
        {"eventId": "%s", "type": %s, "version": 1, "occurredAt": "2026-03-01T08:30:00Z",
         "aggregateId": "A-17", "payload": %s}
        """
        .formatted(EVENT_ID, typeJson, payloadJson);
  }
}
