package io.parking.iot.sensor;

import io.parking.availability.store.SpotUpdate;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Publishes {@code sensor.state-changed} events to {@link Topics#SENSOR_EVENTS}. */
@Component
class SensorEventPublisher {

  private static final Logger log = LoggerFactory.getLogger(SensorEventPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper mapper;

  SensorEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper mapper) {
    this.kafka = kafka;
    this.mapper = mapper;
  }

  /**
   * Sends the event keyed by spot id without waiting for the broker's acknowledgement. The producer
   * keeps the send order per partition, so one spot's events stay in order.
   */
  void publishStateChanged(SensorReading reading, SpotUpdate update) {
    SensorStateChanged payload =
        new SensorStateChanged(
            update.lotId(),
            update.floorId(),
            reading.spotId(),
            reading.sensorId(),
            reading.occupied(),
            reading.sequence(),
            reading.timestamp());
    String spotId = Long.toString(reading.spotId());
    EventEnvelope<SensorStateChanged> event =
        EventEnvelope.of(EventTypes.SENSOR_STATE_CHANGED, spotId, payload);

    // NOTE: Redis is already changed when this send starts, and this path has no outbox. If Kafka
    // stays unreachable until the producer gives up, the booking service misses this reading until
    // the sensor's next one.
    kafka
        .send(Topics.SENSOR_EVENTS, spotId, mapper.writeValueAsString(event))
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                log.error(
                    "Failed to publish {} for spot {} (sensor {}, event {})",
                    EventTypes.SENSOR_STATE_CHANGED,
                    spotId,
                    reading.sensorId(),
                    event.eventId(),
                    failure);
              }
            });
  }
}
