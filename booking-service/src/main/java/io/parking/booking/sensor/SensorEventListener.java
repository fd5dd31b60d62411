package io.parking.booking.sensor;

import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@link Topics#SENSOR_EVENTS} and skips other event types on the topic. A record that is
 * not a valid event fails, and the error handler sends it to the dead-letter topic.
 */
@Component
class SensorEventListener {

  private static final Logger log = LoggerFactory.getLogger(SensorEventListener.class);

  private final SensorStateService sensorStates;
  private final JsonMapper mapper;
  private final JavaType envelopeType;

  SensorEventListener(SensorStateService sensorStates, JsonMapper mapper) {
    this.sensorStates = sensorStates;
    this.mapper = mapper;
    this.envelopeType =
        mapper
            .getTypeFactory()
            .constructParametricType(EventEnvelope.class, SensorStateChanged.class);
  }

  @KafkaListener(topics = Topics.SENSOR_EVENTS, groupId = "booking-service")
  void onSensorEvent(ConsumerRecord<String, String> record) {
    JsonNode tree = mapper.readTree(record.value());
    String type = tree.path("type").asString("");
    if (!EventTypes.SENSOR_STATE_CHANGED.equals(type)) {
      log.debug(
          "Skipped event of type '{}' at {}-{}@{} (spot key {})",
          type,
          record.topic(),
          record.partition(),
          record.offset(),
          record.key());
      return;
    }

    EventEnvelope<SensorStateChanged> event = mapper.treeToValue(tree, envelopeType);
    log.debug(
        "Received sensor event {} for spot {} from sensor {}: occupied={}",
        event.eventId(),
        event.payload().spotId(),
        event.payload().sensorId(),
        event.payload().occupied());
    sensorStates.apply(event);
  }
}
