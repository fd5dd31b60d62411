package io.parking.iot.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parking.iot.mqtt.MqttProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SensorMessageParserTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:20:00Z");
  private static final String TOPIC = "site/lots/3/spots/301/state";

  private final SensorMessageParser parser =
      new SensorMessageParser(
          new MqttProperties(
              "tcp://127.0.0.1:1883",
              "test",
              "site",
              "",
              Path.of("target/mqtt-sessions"),
              Duration.ofSeconds(1),
              Duration.ofSeconds(30),
              Duration.ofSeconds(10),
              Duration.ofSeconds(30)),
          new SensorProperties(
              Duration.ofMinutes(5),
              4096,
              Duration.ofSeconds(3),
              Duration.ofMinutes(5),
              Duration.ofSeconds(30),
              15),
          JsonMapper.builder().build(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void parseValidMessage() {
    String payload =
        """
        {"sensorId": "mag-0217", "occupied": true, "sequence": 4711,
         "timestamp": "2026-12-04T09:20:00Z", "battery": 87, "firmware": "2.1"}
        """;

    SensorReading reading = (SensorReading) parser.parse(TOPIC, bytes(payload));

    assertThat(reading)
        .isEqualTo(
            new SensorReading(
                3, 301, "mag-0217", true, 4711, Instant.parse("2026-12-04T09:20:00Z"), 87));
  }

  @Test
  void parseHeartbeatWithoutOccupied() {
    String payload =
        """
        {"sensorId": "mag-0217", "sequence": 4712, "timestamp": "2026-12-04T09:20:30Z",
         "battery": 12}
        """;

    SensorMessage message = parser.parse("site/lots/3/spots/301/heartbeat", bytes(payload));

    assertThat(message)
        .isEqualTo(
            new SensorHeartbeat(
                3, 301, "mag-0217", 4712, Instant.parse("2026-12-04T09:20:30Z"), 12));
  }

  @Test
  void parseWithoutBattery() {
    String payload =
        """
        {"sensorId": "mag-0217", "occupied": false, "sequence": 0,
         "timestamp": "2026-12-04T10:20:00+01:00"}
        """;

    SensorReading reading = (SensorReading) parser.parse(TOPIC, bytes(payload));

    assertThat(reading.battery()).isNull();
    assertThat(reading.occupied()).isFalse();
    assertThat(reading.timestamp()).isEqualTo(NOW);
  }

  @Test
  void parseAcceptsTimestampWithinSkew() {
    String payload =
        """
        {"sensorId": "mag-0217", "occupied": true, "sequence": 1,
         "timestamp": "2026-12-04T09:25:00Z"}
        """;

    SensorReading reading = (SensorReading) parser.parse(TOPIC, bytes(payload));

    assertThat(reading.timestamp()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void parseNamesAllMissingFields() {
    SensorMessageRejectedException rejection =
        catchThrowableOfType(
            SensorMessageRejectedException.class,
            () -> parser.parse(TOPIC, bytes("{\"occupied\": true, \"sensorId\": null}")));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
    assertThat(rejection.detail()).contains("sensorId", "sequence", "timestamp");
    assertThat(rejection.detail()).doesNotContain("occupied");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON            | {"sensorId": "a", "occupied": tru                                                           | MALFORMED_JSON
          empty payload       | ''                                                                                          | MALFORMED_JSON
          JSON array          | [1, 2]                                                                                      | MALFORMED_JSON
          trailing tokens     | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"} x  | MALFORMED_JSON
          duplicate key       | {"sensorId": "a", "occupied": true, "occupied": false, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"} | MALFORMED_JSON
          missing timestamp   | {"sensorId": "a", "occupied": true, "sequence": 1}                                          | MISSING_FIELD
          blank sensorId      | {"sensorId": " ", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"}    | INVALID_FIELD
          numeric sensorId    | {"sensorId": 217, "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"}    | INVALID_FIELD
          occupied as string  | {"sensorId": "a", "occupied": "true", "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"}  | INVALID_FIELD
          fractional sequence | {"sensorId": "a", "occupied": true, "sequence": 1.5, "timestamp": "2026-12-04T09:20:00Z"}  | INVALID_FIELD
          negative sequence   | {"sensorId": "a", "occupied": true, "sequence": -1, "timestamp": "2026-12-04T09:20:00Z"}   | INVALID_FIELD
          timestamp no zone   | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00"}     | INVALID_FIELD
          timestamp number    | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": 1796376000}                | INVALID_FIELD
          battery above 100   | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z", "battery": 101} | INVALID_FIELD
          battery negative    | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z", "battery": -1}  | INVALID_FIELD
          battery as string   | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z", "battery": "87"} | INVALID_FIELD
          future timestamp    | {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:25:01Z"}    | FUTURE_TIMESTAMP
          """)
  void parseRejectsInvalidPayload(String description, String payload, RejectionReason expected) {
    SensorMessageRejectedException rejection =
        catchThrowableOfType(
            SensorMessageRejectedException.class, () -> parser.parse(TOPIC, bytes(payload)));

    assertThat(rejection).as(description).isNotNull();
    assertThat(rejection.reason()).as(description).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "other/lots/3/spots/301/state",
    "site/lots/3/spots/301",
    "site/lots/3/spots/301/state/extra",
    "site/lot/3/spots/301/state",
    "site/lots/three/spots/301/state",
    "site/lots/3/spots/301a/state",
    "site/lots/0/spots/301/state",
    "site/lots/3/spots/+301/state",
    "site/lots/3/spots/99999999999999999999/state"
  })
  void parseRejectsInvalidTopic(String topic) {
    String payload =
        """
        {"sensorId": "a", "occupied": true, "sequence": 1, "timestamp": "2026-12-04T09:20:00Z"}
        """;

    SensorMessageRejectedException rejection =
        catchThrowableOfType(
            SensorMessageRejectedException.class, () -> parser.parse(topic, bytes(payload)));

    assertThat(rejection).isNotNull();
    assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_TOPIC);
  }

  @Test
  void parseRejectsOversizedPayload() {
    byte[] payload = new byte[4097];

    SensorMessageRejectedException rejection =
        catchThrowableOfType(
            SensorMessageRejectedException.class, () -> parser.parse(TOPIC, payload));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.PAYLOAD_TOO_LARGE);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
