package io.parking.iot.sensor;

import io.parking.iot.mqtt.MqttProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a sensor message and turns it into a {@link SensorReading} or a {@link
 * SensorHeartbeat}.
 *
 * <p>The topic must be {@code {root}/lots/{lotId}/spots/{spotId}/state} or {@code .../heartbeat}
 * with positive decimal ids. The payload must be a JSON object with a non-blank string {@code
 * sensorId}, a non-negative integer {@code sequence}, an ISO-8601 {@code timestamp} with a zone
 * offset and, optionally, an integer {@code battery} from 0 to 100; a state message also needs a
 * boolean {@code occupied}. Fields the gateway does not know are ignored, so sensors may add fields
 * without breaking it.
 */
@Component
class SensorMessageParser {

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final List<String> REQUIRED_STATE_FIELDS =
      List.of("sensorId", "occupied", "sequence", "timestamp");
  private static final List<String> REQUIRED_HEARTBEAT_FIELDS =
      List.of("sensorId", "sequence", "timestamp");

  private final String topicPrefix;
  private final ObjectReader reader;
  private final Clock clock;
  private final Duration maxClockSkew;
  private final int maxPayloadBytes;

  SensorMessageParser(
      MqttProperties mqtt, SensorProperties sensor, JsonMapper mapper, Clock clock) {
    this.topicPrefix = mqtt.topicRoot() + "/";
    this.reader =
        mapper
            .readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.clock = clock;
    this.maxClockSkew = sensor.maxClockSkew();
    this.maxPayloadBytes = sensor.maxPayloadBytes();
  }

  /**
   * Parses and validates one message.
   *
   * @throws SensorMessageRejectedException when the topic or payload is invalid
   */
  SensorMessage parse(String topic, byte[] payload) {
    TopicIds ids = parseTopic(topic);
    JsonNode root = parseJson(payload);

    List<String> missing = new ArrayList<>();
    for (String field : ids.heartbeat() ? REQUIRED_HEARTBEAT_FIELDS : REQUIRED_STATE_FIELDS) {
      if (!isPresent(root.get(field))) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new SensorMessageRejectedException(
          RejectionReason.MISSING_FIELD,
          "missing required field(s): " + String.join(", ", missing));
    }

    String sensorId = readSensorId(root.get("sensorId"));
    long sequence = readSequence(root.get("sequence"));
    Instant timestamp = checkNotInFuture(readTimestamp(root.get("timestamp")));
    Integer battery = readBattery(root.get("battery"));
    if (ids.heartbeat()) {
      return new SensorHeartbeat(ids.lotId(), ids.spotId(), sensorId, sequence, timestamp, battery);
    }
    boolean occupied = readOccupied(root.get("occupied"));
    return new SensorReading(
        ids.lotId(), ids.spotId(), sensorId, occupied, sequence, timestamp, battery);
  }

  /** The lot and spot named in a topic, and whether it is a heartbeat topic. */
  private record TopicIds(long lotId, long spotId, boolean heartbeat) {}

  private TopicIds parseTopic(String topic) {
    String[] levels =
        topic.startsWith(topicPrefix)
            ? topic.substring(topicPrefix.length()).split("/", -1)
            : new String[0];
    boolean wellFormed =
        levels.length == 5
            && levels[0].equals("lots")
            && levels[2].equals("spots")
            && (levels[4].equals("state") || levels[4].equals("heartbeat"));
    if (!wellFormed) {
      throw new SensorMessageRejectedException(
          RejectionReason.INVALID_TOPIC,
          "topic must be " + topicPrefix + "lots/{lotId}/spots/{spotId}/state or .../heartbeat");
    }
    if (!ID.matcher(levels[1]).matches() || !ID.matcher(levels[3]).matches()) {
      throw new SensorMessageRejectedException(
          RejectionReason.INVALID_TOPIC,
          "lot id '" + levels[1] + "' and spot id '" + levels[3] + "' must be positive integers");
    }
    return new TopicIds(
        Long.parseLong(levels[1]), Long.parseLong(levels[3]), levels[4].equals("heartbeat"));
  }

  private JsonNode parseJson(byte[] payload) {
    if (payload.length > maxPayloadBytes) {
      throw new SensorMessageRejectedException(
          RejectionReason.PAYLOAD_TOO_LARGE,
          "payload has " + payload.length + " bytes, the limit is " + maxPayloadBytes);
    }
    JsonNode root;
    try {
      root = reader.readValue(payload);
    } catch (JacksonException e) {
      throw new SensorMessageRejectedException(
          RejectionReason.MALFORMED_JSON, "payload is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SensorMessageRejectedException(
          RejectionReason.MALFORMED_JSON, "payload must be a JSON object");
    }
    return root;
  }

  private static boolean isPresent(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static String readSensorId(JsonNode node) {
    if (!node.isString() || node.stringValue().isBlank()) {
      throw invalid("sensorId must be a non-blank string, was " + node);
    }
    return node.stringValue();
  }

  private static boolean readOccupied(JsonNode node) {
    if (!node.isBoolean()) {
      throw invalid("occupied must be true or false, was " + node);
    }
    return node.booleanValue();
  }

  private static long readSequence(JsonNode node) {
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
      throw invalid("sequence must be a non-negative integer, was " + node);
    }
    return node.longValue();
  }

  private static Instant readTimestamp(JsonNode node) {
    if (!node.isString()) {
      throw invalid(
          "timestamp must be an ISO-8601 string such as 2026-12-04T09:20:00Z, was " + node);
    }
    try {
      return Instant.parse(node.stringValue());
    } catch (DateTimeParseException e) {
      throw invalid(
          "timestamp must be an ISO-8601 instant such as 2026-12-04T09:20:00Z, was " + node);
    }
  }

  private static Integer readBattery(JsonNode node) {
    if (!isPresent(node)) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid("battery must be an integer percentage, was " + node);
    }
    int battery = node.intValue();
    if (battery < 0 || battery > 100) {
      throw invalid("battery must be between 0 and 100, was " + battery);
    }
    return battery;
  }

  private Instant checkNotInFuture(Instant timestamp) {
    Instant latest = clock.instant().plus(maxClockSkew);
    if (timestamp.isAfter(latest)) {
      throw new SensorMessageRejectedException(
          RejectionReason.FUTURE_TIMESTAMP,
          "timestamp "
              + timestamp
              + " is more than "
              + maxClockSkew
              + " ahead of the gateway clock");
    }
    return timestamp;
  }

  private static SensorMessageRejectedException invalid(String detail) {
    return new SensorMessageRejectedException(RejectionReason.INVALID_FIELD, detail);
  }
}
