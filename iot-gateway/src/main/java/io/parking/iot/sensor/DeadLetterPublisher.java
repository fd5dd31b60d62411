package io.parking.iot.sensor;

import io.parking.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends rejected MQTT messages to {@link Topics#SENSOR_DEAD_LETTER}: the raw payload as the value,
 * the MQTT topic as the key, and the rejection in headers.
 */
@Component
class DeadLetterPublisher {

  /** Header with the {@link RejectionReason#tag()}. */
  static final String REASON_HEADER = "reason";

  /** Header with the MQTT topic the message arrived on. */
  static final String MQTT_TOPIC_HEADER = "mqtt-topic";

  /** Header with a human-readable explanation of the rejection. */
  static final String DETAIL_HEADER = "detail";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final int maxPayloadBytes;

  DeadLetterPublisher(KafkaTemplate<String, String> kafka, SensorProperties sensor) {
    this.kafka = kafka;
    this.maxPayloadBytes = sensor.maxPayloadBytes();
  }

  /**
   * Sends the message without waiting for the broker's acknowledgement; a failed send is logged.
   * Payloads above {@code parking.sensor.max-payload-bytes} are cut to that size.
   */
  void publish(String mqttTopic, byte[] payload, RejectionReason reason, String detail) {
    // NOTE: the value is the payload decoded as UTF-8, so bytes that are not valid UTF-8 reach the
    // dead-letter topic as U+FFFD replacement characters.
    int length = Math.min(payload.length, maxPayloadBytes);
    String value = new String(payload, 0, length, StandardCharsets.UTF_8);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.SENSOR_DEAD_LETTER, mqttTopic, value);
    record.headers().add(REASON_HEADER, reason.tag().getBytes(StandardCharsets.UTF_8));
    record.headers().add(MQTT_TOPIC_HEADER, mqttTopic.getBytes(StandardCharsets.UTF_8));
    record.headers().add(DETAIL_HEADER, detail.getBytes(StandardCharsets.UTF_8));

    kafka
        .send(record)
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                log.error(
                    "Failed to send rejected message from {} ({}) to {}",
                    mqttTopic,
                    reason.tag(),
                    Topics.SENSOR_DEAD_LETTER,
                    failure);
              }
            });
  }
}
