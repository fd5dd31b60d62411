package io.parking.iot.sensor;

import io.parking.events.EventEnvelope;
import io.parking.events.SensorAlert;
import io.parking.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Sends sensor alerts to {@link Topics#OPERATOR_EVENTS}, keyed by spot id. */
@Component
class OperatorAlertPublisher {

  private static final Logger log = LoggerFactory.getLogger(OperatorAlertPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper mapper;

  OperatorAlertPublisher(KafkaTemplate<String, String> kafka, JsonMapper mapper) {
    this.kafka = kafka;
    this.mapper = mapper;
  }

  /** Sends the alert without waiting for the broker's acknowledgement; a failure is logged. */
  void publish(String type, SensorAlert alert) {
    String spotId = Long.toString(alert.spotId());
    EventEnvelope<SensorAlert> event = EventEnvelope.of(type, spotId, alert);
    kafka
        .send(Topics.OPERATOR_EVENTS, spotId, mapper.writeValueAsString(event))
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                log.error(
                    "Failed to publish {} for spot {} (sensor {}, event {})",
                    type,
                    spotId,
                    alert.sensorId(),
                    event.eventId(),
                    failure);
              }
            });
  }
}
