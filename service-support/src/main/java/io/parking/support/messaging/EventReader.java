package io.parking.support.messaging;

import io.parking.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON value of a Kafka record into an {@link EventEnvelope}. {@link
 * MessagingSupportAutoConfiguration} registers one with the application's {@link JsonMapper}.
 */
public class EventReader {

  private final JsonMapper mapper;

  public EventReader(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns the envelope's {@code type} without binding the payload, so a consumer can skip types
   * it does not handle.
   *
   * @throws InvalidEventException when the value is null (a tombstone), not JSON, or has no {@code
   *     type}
   */
  public String readType(String json) {
    requireValue(json);
    JsonNode type;
    try {
      type = mapper.readTree(json).get("type");
    } catch (JacksonException e) {
      throw new InvalidEventException("Event is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (type == null || !type.isString()) {
      throw new InvalidEventException("Event has no string field 'type'");
    }
    return type.asString();
  }

  /**
   * Reads the whole envelope with its payload bound to {@code payloadType}.
   *
   * @throws InvalidEventException when the value is null, or its JSON does not match the envelope
   *     or payload
   */
  public <P> EventEnvelope<P> read(String json, Class<P> payloadType) {
    requireValue(json);
    JavaType envelopeType =
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
    try {
      return mapper.readValue(json, envelopeType);
    } catch (JacksonException e) {
      throw new InvalidEventException(
          "Event does not match EventEnvelope<"
              + payloadType.getSimpleName()
              + ">: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static void requireValue(String json) {
    if (json == null) {
      throw new InvalidEventException("Event has no value: a null record value is not an event");
    }
  }
}
