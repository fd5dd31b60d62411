package io.parking.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.BookingState;
import io.parking.availability.store.LotLayout;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.Topics;
import io.parking.iot.mqtt.MqttProperties;
import io.parking.iot.mqtt.MqttSubscriber;
import io.parking.iot.sensor.OfflineSensorDetector;
import io.parking.iot.sensor.SensorMessageHandler;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import io.parking.support.web.CorrelationIdLogging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the gateway against the Mosquitto broker at MQTT_URL (default tcp://127.0.0.1:1883), the
 * Redis server at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379) and an embedded Kafka broker. Each
 * run uses its own MQTT topic root and Redis key prefix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class SensorIngestIntegrationTest {

  private static final String RUN_ID = UUID.randomUUID().toString();
  private static final String TOPIC_ROOT = "test-" + RUN_ID + "/parking";
  private static final String KEY_PREFIX = "test-iot-" + RUN_ID + ":";
  private static final String MQTT_URL =
      System.getenv().getOrDefault("MQTT_URL", "tcp://127.0.0.1:1883");
  private static final String CLIENT_ID = "gateway-under-test-" + RUN_ID;
  private static final Path SESSIONS = Path.of("target", "mqtt-sessions-" + RUN_ID);
  private static final Duration DEBOUNCE = Duration.ofSeconds(2);

  private static final long LOT = 5;
  private static final long OTHER_LOT = 6;
  private static final long FLOOR_ONE = 51;
  private static final long FLOOR_TWO = 52;
  private static final long UNKNOWN_SPOT = 999;

  private static MqttClient publisher;
  private static KafkaConsumer<String, String> consumer;
  private static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  @Autowired private SpotAvailabilityStore store;
  @Autowired private StringRedisTemplate redis;
  @Autowired private MqttSubscriber subscriber;
  @Autowired private MeterRegistry meters;
  @Autowired private JsonMapper mapper;
  @Autowired private EmbeddedKafkaBroker kafka;
  @Autowired private MockMvcTester mvc;
  @Autowired private SensorMessageHandler handler;
  @Autowired private MqttProperties mqttProperties;
  @Autowired private OfflineSensorDetector offlineDetector;

  @DynamicPropertySource
  static void isolateRun(DynamicPropertyRegistry registry) {
    registry.add("parking.mqtt.url", () -> MQTT_URL);
    registry.add("parking.mqtt.topic-root", () -> TOPIC_ROOT);
    registry.add("parking.redis.key-prefix", () -> KEY_PREFIX);
    registry.add("parking.mqtt.client-id", () -> CLIENT_ID);
    registry.add("parking.mqtt.persistence-dir", SESSIONS::toString);
    registry.add("parking.sensor.debounce", DEBOUNCE::toString);
  }

  @BeforeAll
  static void connectPublisher() {
    try {
      publisher = new MqttClient(MQTT_URL, "iot-gateway-test-" + RUN_ID, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setConnectionTimeout(5);
      publisher.connect(options);
    } catch (MqttException e) {
      throw new IllegalStateException(
          "Mosquitto is not reachable at " + MQTT_URL + " (set MQTT_URL or start mosquitto)", e);
    }
  }

  /** Removes the gateway's persistent session from the shared broker and its local files. */
  @AfterAll
  static void removeGatewaySession(@Autowired MqttSubscriber gateway)
      throws MqttException, IOException {
    gateway.stop();
    removeSession(MQTT_URL, CLIENT_ID);
    if (Files.exists(SESSIONS)) {
      try (Stream<Path> files = Files.walk(SESSIONS)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @AfterAll
  static void closeClients() throws MqttException {
    if (publisher != null) {
      publisher.disconnect();
      publisher.close();
    }
    if (consumer != null) {
      consumer.close();
    }
  }

  @BeforeEach
  void registerLot() {
    try {
      redis.hasKey(KEY_PREFIX + "probe");
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Redis is not reachable (set REDIS_HOST/REDIS_PORT or start redis-server)", e);
    }
    store.registerLot(
        new LotLayout(
            LOT,
            List.of(
                new LotLayout.Floor(
                    FLOOR_ONE,
                    0,
                    List.of(
                        freeSpot(501), freeSpot(502), freeSpot(503), freeSpot(504), freeSpot(505))),
                new LotLayout.Floor(FLOOR_TWO, 1, List.of(freeSpot(601), freeSpot(602))))));
    store.registerLot(
        new LotLayout(OTHER_LOT, List.of(new LotLayout.Floor(61, 0, List.of(freeSpot(701))))));

    if (consumer == null) {
      consumer = startConsumer();
    }
    await("MQTT subscription").atMost(Duration.ofSeconds(20)).until(subscriber::isSubscribed);
  }

  @AfterEach
  void deleteKeys() {
    Set<String> keys = redis.keys(KEY_PREFIX + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  @Test
  void occupiedReadingTakesFreeSpot() {
    String sensorId = newSensorId();

    publish(LOT, 501, reading(sensorId, true, 1));

    EventEnvelope<SensorStateChanged> event = awaitEvent(sensorId, 1);
    assertThat(event.type()).isEqualTo(EventTypes.SENSOR_STATE_CHANGED);
    assertThat(event.aggregateId()).isEqualTo("501");
    assertThat(event.payload().lotId()).isEqualTo(LOT);
    assertThat(event.payload().floorId()).isEqualTo(FLOOR_ONE);
    assertThat(event.payload().spotId()).isEqualTo(501);
    assertThat(event.payload().sensorId()).isEqualTo(sensorId);
    assertThat(event.payload().occupied()).isTrue();
    assertThat(event.payload().sequence()).isEqualTo(1);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(2);
    assertThat(store.readSpot(501).orElseThrow().sensor()).isEqualTo(SensorState.OCCUPIED);
  }

  @Test
  void sensorEventKeyedBySpot() {
    String sensorId = newSensorId();

    publish(LOT, 601, reading(sensorId, true, 1));

    ConsumerRecord<String, String> record =
        awaitRecord(Topics.SENSOR_EVENTS, r -> r.value().contains(sensorId));
    assertThat(record.key()).isEqualTo("601");
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(1);
  }

  @Test
  void freeReadingFreesSpotAgain() {
    String sensorId = newSensorId();
    publish(LOT, 502, reading(sensorId, true, 1));
    awaitEvent(sensorId, 1);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);

    publish(LOT, 502, reading(sensorId, false, 2));

    EventEnvelope<SensorStateChanged> event = awaitEvent(sensorId, 2);
    assertThat(event.payload().occupied()).isFalse();
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(5);
    assertThat(store.readSpot(502).orElseThrow().sensor()).isEqualTo(SensorState.FREE);
  }

  @Test
  void repeatedReadingMovesCounterOnce() {
    String sensorId = newSensorId();
    double unchangedBefore = counter("parking.sensor.accepted", "outcome", "unchanged");
    publish(LOT, 503, reading(sensorId, true, 1));
    awaitEvent(sensorId, 1);

    publish(LOT, 503, reading(sensorId, true, 2));

    EventEnvelope<SensorStateChanged> repeated = awaitEvent(sensorId, 2);
    assertThat(repeated.payload().occupied()).isTrue();
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    assertThat(counter("parking.sensor.accepted", "outcome", "unchanged"))
        .isEqualTo(unchangedBefore + 1);
  }

  static List<Arguments> rejectedMessages() {
    String sensorId = "mag-" + UUID.randomUUID();
    return List.of(
        Arguments.of(
            "malformed-json", LOT, 501, "{\"sensorId\": \"" + sensorId + "-a\", \"occupied\": tru"),
        Arguments.of(
            "missing-field",
            LOT,
            501,
            "{\"sensorId\": \"" + sensorId + "-b\", \"occupied\": true, \"sequence\": 1}"),
        Arguments.of(
            "unknown-spot", LOT, UNKNOWN_SPOT, reading(sensorId + "-c", true, 1, Instant.now())),
        Arguments.of(
            "future-timestamp",
            LOT,
            501,
            reading(sensorId + "-d", true, 1, Instant.now().plus(Duration.ofMinutes(10)))),
        Arguments.of("lot-mismatch", LOT, 701, reading(sensorId + "-e", true, 1, Instant.now())),
        Arguments.of(
            "invalid-field",
            LOT,
            501,
            "{\"sensorId\": \""
                + sensorId
                + "-f\", \"occupied\": true, \"sequence\": 1, \"timestamp\": \""
                + Instant.now()
                + "\", \"battery\": 140}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedMessages")
  void rejectedMessageDeadLettered(String reason, long lotId, long spotId, String payload) {
    double rejectedBefore = counter("parking.sensor.rejected", "reason", reason);
    String mqttTopic = stateTopic(lotId, spotId);

    publish(mqttTopic, payload);

    ConsumerRecord<String, String> deadLetter =
        awaitRecord(Topics.SENSOR_DEAD_LETTER, r -> r.value().equals(payload));
    assertThat(deadLetter.key()).isEqualTo(mqttTopic);
    assertThat(header(deadLetter, "reason")).isEqualTo(reason);
    assertThat(header(deadLetter, "mqtt-topic")).isEqualTo(mqttTopic);
    assertThat(counter("parking.sensor.rejected", "reason", reason)).isEqualTo(rejectedBefore + 1);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(5);
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(2);
    assertThat(store.readSpot(501).orElseThrow().sensor()).isEqualTo(SensorState.FREE);
    assertThat(store.readSpot(701).orElseThrow().sensor()).isEqualTo(SensorState.FREE);
  }

  @Test
  void nonNumericTopicIdRejected() {
    String payload = reading(newSensorId(), true, 1);
    String mqttTopic = TOPIC_ROOT + "/lots/five/spots/501/state";

    publish(mqttTopic, payload);

    ConsumerRecord<String, String> deadLetter =
        awaitRecord(Topics.SENSOR_DEAD_LETTER, r -> r.value().equals(payload));
    assertThat(header(deadLetter, "reason")).isEqualTo("invalid-topic");
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(5);
  }

  @Test
  void goodMessageAfterRejectionsApplied() {
    String sensorId = newSensorId();
    String malformed = "{\"sensorId\": \"" + sensorId + "\", \"occupied\": ";
    String missingField = "{\"sensorId\": \"" + sensorId + "\", \"occupied\": true}";

    publish(LOT, 504, malformed);
    publish(LOT, 504, missingField);
    publish(LOT, 504, reading(sensorId, true, 3));

    EventEnvelope<SensorStateChanged> event = awaitEvent(sensorId, 3);
    assertThat(event.payload().spotId()).isEqualTo(504);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    assertThat(awaitRecord(Topics.SENSOR_DEAD_LETTER, r -> r.value().equals(malformed)))
        .isNotNull();
    assertThat(awaitRecord(Topics.SENSOR_DEAD_LETTER, r -> r.value().equals(missingField)))
        .isNotNull();
  }

  @Test
  void subscriberResubscribesAfterReconnect() throws MqttException {
    MqttClient takeover = new MqttClient(MQTT_URL, subscriber.clientId(), new MemoryPersistence());
    takeover.connect();
    await("gateway disconnected")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !subscriber.isSubscribed());
    await("gateway subscribed again")
        .atMost(Duration.ofSeconds(20))
        .until(subscriber::isSubscribed);
    takeover.close(true);
    String sensorId = newSensorId();

    publish(LOT, 505, reading(sensorId, true, 1));

    EventEnvelope<SensorStateChanged> event = awaitEvent(sensorId, 1);
    assertThat(event.payload().spotId()).isEqualTo(505);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
  }

  @Test
  void healthReportsMqttUp() {
    assertThat(mvc.get().uri("/actuator/health/mqtt"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("UP");
    assertThat(mvc.get().uri("/actuator/health/mqtt"))
        .bodyJson()
        .extractingPath("$.details.broker")
        .isEqualTo(MQTT_URL);
    assertThat(mvc.get().uri("/actuator/health/mqtt"))
        .bodyJson()
        .extractingPath("$.details.topicFilters[0]")
        .isEqualTo("$share/iot-gateway/" + TOPIC_ROOT + "/lots/+/spots/+/state");
    assertThat(mvc.get().uri("/actuator/health/mqtt"))
        .bodyJson()
        .extractingPath("$.details.clientId")
        .isEqualTo(CLIENT_ID);
  }

  @Test
  void unknownPathUnauthorizedHealthOpen(CapturedOutput output) {
    String correlationId = "iot-security-" + RUN_ID;

    MvcTestResult unknown =
        mvc.get()
            .uri("/api/no-such-path")
            .header(CorrelationIdLogging.HEADER, correlationId)
            .exchange();
    MvcTestResult health = mvc.get().uri("/actuator/health").exchange();

    assertThat(unknown)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    assertThat(unknown)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/unauthenticated");
    assertThat(unknown).bodyJson().extractingPath("$.status").isEqualTo(401);
    assertThat(unknown).bodyJson().extractingPath("$.instance").isEqualTo("/api/no-such-path");
    assertThat(output.getOut().lines().filter(line -> line.contains(correlationId)))
        .anySatisfy(
            line -> {
              assertThat(line).contains("[iot-gateway," + correlationId + "] ");
              assertThat(line).contains("Rejected GET /api/no-such-path with 401");
            });
    assertThat(health).hasStatusOk();
    assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("UP");
  }

  @Test
  void metricsNeedOperatorRole() {
    DevTokens tokens = new DevTokens(TokenSettings.development());
    String kiosk = tokens.mint("kiosk-1", List.of(Roles.KIOSK), Duration.ofMinutes(10));
    String operator = tokens.mint("operator-1", List.of(Roles.OPERATOR), Duration.ofMinutes(10));

    MvcTestResult anonymous = mvc.get().uri("/actuator/metrics").exchange();
    MvcTestResult asKiosk =
        mvc.get()
            .uri("/actuator/metrics")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + kiosk)
            .exchange();
    MvcTestResult asOperator =
        mvc.get()
            .uri("/actuator/metrics")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator)
            .exchange();

    assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(asKiosk)
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(asKiosk)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/forbidden");
    assertThat(asOperator).hasStatusOk();
    assertThat(asOperator).bodyJson().extractingPath("$.names").asArray().isNotEmpty();
  }

  @Test
  void apiDocsSayThereIsNoHttpApi() throws Exception {
    MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

    assertThat(result).hasStatusOk();
    JsonNode docs =
        mapper.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(docs.at("/info/title").asString()).isEqualTo("IoT gateway: no HTTP API");
    assertThat(docs.at("/info/description").asString())
        .contains(
            "no HTTP API", "/actuator/health", "/actuator/metrics", "MQTT", "docs/sensors.md");
    assertThat(docs.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
    assertThat(docs.path("paths").propertyNames()).isEmpty();
    assertThat(docs.has("security")).as("no global security requirement").isFalse();
  }

  @Test
  void unknownSwaggerFileIsNotFound() {
    assertThat(mvc.get().uri("/swagger-ui/no-such-file.js"))
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/not-found");
  }

  @Test
  void flipBackWithinDebounceChangesNothing() {
    String sensorId = newSensorId();
    publish(LOT, 501, reading(sensorId, true, 1));
    awaitEvent(sensorId, 1);
    double flappingBefore = counter("parking.sensor.dropped", "reason", "flapping");

    publish(LOT, 501, reading(sensorId, false, 2));
    await("spot still taken while the free reading is pending")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(() -> freeSpots(FLOOR_ONE) == 4);
    publish(LOT, 501, reading(sensorId, true, 3));

    EventEnvelope<SensorStateChanged> confirmed = awaitEvent(sensorId, 3);
    assertThat(confirmed.payload().occupied()).isTrue();
    await("no freed spot after the debounce")
        .during(DEBOUNCE.plusMillis(500))
        .atMost(DEBOUNCE.plusSeconds(2))
        .until(() -> freeSpots(FLOOR_ONE) == 4);
    assertThat(eventsOf(sensorId)).noneMatch(event -> !event.payload().occupied());
    assertThat(store.readSpot(501).orElseThrow().sensor()).isEqualTo(SensorState.OCCUPIED);
    assertThat(counter("parking.sensor.dropped", "reason", "flapping"))
        .isEqualTo(flappingBefore + 1);
  }

  @Test
  void stateHeldPastDebounceAppliedOnce() {
    String sensorId = newSensorId();
    publish(LOT, 502, reading(sensorId, true, 1));
    awaitEvent(sensorId, 1);
    double freedBefore = counter("parking.sensor.accepted", "outcome", "freed");

    publish(LOT, 502, reading(sensorId, false, 2));
    publish(LOT, 502, reading(sensorId, false, 3));

    EventEnvelope<SensorStateChanged> freed = awaitEvent(sensorId, 2);
    assertThat(freed.payload().occupied()).isFalse();
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(5);
    await("the confirming reading applies nothing more")
        .during(DEBOUNCE.plusMillis(500))
        .atMost(DEBOUNCE.plusSeconds(2))
        .until(() -> counter("parking.sensor.accepted", "outcome", "freed") == freedBefore + 1);
    assertThat(eventsOf(sensorId)).filteredOn(event -> !event.payload().occupied()).hasSize(1);
  }

  @Test
  void duplicateThroughTwoGatewaysAppliedOnce() throws MqttException {
    String secondClientId = CLIENT_ID + "-second";
    MqttSubscriber second =
        new MqttSubscriber(
            new MqttProperties(
                MQTT_URL,
                secondClientId,
                TOPIC_ROOT,
                mqttProperties.sharedGroup(),
                SESSIONS,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30)),
            handler);
    try {
      second.start();
      await("second gateway subscribed").atMost(Duration.ofSeconds(20)).until(second::isSubscribed);
      String sensorId = newSensorId();
      String message = reading(sensorId, true, 1);
      double duplicatesBefore = counter("parking.sensor.dropped", "reason", "duplicate");

      publish(LOT, 503, message);
      publish(LOT, 503, message);

      awaitEvent(sensorId, 1);
      await("duplicate dropped")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  counter("parking.sensor.dropped", "reason", "duplicate") == duplicatesBefore + 1);
      await("no second event")
          .during(DEBOUNCE.plusMillis(500))
          .atMost(DEBOUNCE.plusSeconds(2))
          .until(() -> eventsOf(sensorId).size() == 1);
      assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    } finally {
      second.stop();
      removeSession(MQTT_URL, secondClientId);
    }
  }

  @Test
  void olderSequenceDropped() {
    String sensorId = newSensorId();
    publish(LOT, 504, reading(sensorId, true, 5));
    awaitEvent(sensorId, 5);
    double staleBefore = counter("parking.sensor.dropped", "reason", "stale");

    publish(LOT, 504, reading(sensorId, false, 4));

    await("stale message dropped")
        .atMost(Duration.ofSeconds(10))
        .until(() -> counter("parking.sensor.dropped", "reason", "stale") == staleBefore + 1);
    await("spot stays taken")
        .during(DEBOUNCE.plusMillis(500))
        .atMost(DEBOUNCE.plusSeconds(2))
        .until(() -> freeSpots(FLOOR_ONE) == 4);
    assertThat(eventsOf(sensorId)).extracting(event -> event.payload().sequence()).containsOnly(5L);
  }

  @Test
  void retainedMessageReplayedOnReconnectDropped() throws MqttException {
    String sensorId = newSensorId();
    String topic = stateTopic(LOT, 505);
    publish(publisher, topic, reading(sensorId, true, 1), true);
    awaitEvent(sensorId, 1);
    double duplicatesBefore = counter("parking.sensor.dropped", "reason", "duplicate");

    try {
      subscriber.stop();
    } finally {
      subscriber.start();
    }

    try {
      await("retained message dropped as a duplicate")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  counter("parking.sensor.dropped", "reason", "duplicate") == duplicatesBefore + 1);
      assertThat(eventsOf(sensorId)).hasSize(1);
      assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    } finally {
      publisher.publish(topic, new byte[0], 1, true);
    }
  }

  @Test
  void persistentSessionDeliversMessagesSentWhileAway() {
    String sensorId = newSensorId();
    subscriber.stop();
    try {
      publish(LOT, 505, reading(sensorId, true, 1));
      publish(LOT, 601, reading(sensorId + "-b", true, 1));
    } finally {
      subscriber.start();
    }

    assertThat(awaitEvent(sensorId, 1).payload().spotId()).isEqualTo(505);
    assertThat(awaitEvent(sensorId + "-b", 1).payload().spotId()).isEqualTo(601);
    assertThat(freeSpots(FLOOR_ONE)).isEqualTo(4);
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(1);
  }

  @Test
  void heartbeatWithLowBatteryAlertsOnce() {
    String sensorId = newSensorId();

    publish(heartbeatTopic(LOT, 602), heartbeat(sensorId, 1, 10));
    publish(heartbeatTopic(LOT, 602), heartbeat(sensorId, 2, 9));

    ConsumerRecord<String, String> alert =
        awaitRecord(
            Topics.OPERATOR_EVENTS,
            r -> r.value().contains(sensorId) && r.value().contains(EventTypes.SENSOR_LOW_BATTERY));
    assertThat(alert.key()).isEqualTo("602");
    assertThat(alert.value()).contains("\"battery\":10");
    await("second heartbeat admitted")
        .atMost(Duration.ofSeconds(10))
        .until(() -> admitted(sensorId, 2));
    assertThat(
            received.stream()
                .filter(r -> r.topic().equals(Topics.OPERATOR_EVENTS))
                .filter(r -> r.value().contains(sensorId)))
        .hasSize(1);
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(2);
  }

  @Test
  void silentSensorGoesOffline() {
    String sensorId = newSensorId();
    publish(heartbeatTopic(LOT, 601), heartbeat(sensorId, 1, 80));
    await("heartbeat admitted").atMost(Duration.ofSeconds(10)).until(() -> admitted(sensorId, 1));

    int marked = offlineDetector.markOfflineSensors(Instant.now().plus(Duration.ofMinutes(6)));
    int markedAgain = offlineDetector.markOfflineSensors(Instant.now().plus(Duration.ofMinutes(7)));

    assertThat(marked).isGreaterThanOrEqualTo(1);
    assertThat(markedAgain).isZero();
    ConsumerRecord<String, String> alert =
        awaitRecord(
            Topics.OPERATOR_EVENTS,
            r -> r.value().contains(sensorId) && r.value().contains(EventTypes.SENSOR_OFFLINE));
    assertThat(alert.key()).isEqualTo("601");
    assertThat(alert.value()).contains("\"floorId\":" + FLOOR_TWO);
    assertThat(store.readSpot(601).orElseThrow().sensor()).isEqualTo(SensorState.UNKNOWN);
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(1);
  }

  @Test
  void readingAfterOfflineAppliedWithoutDebounce() {
    String sensorId = newSensorId();
    publish(heartbeatTopic(LOT, 602), heartbeat(sensorId, 1, 80));
    await("heartbeat admitted").atMost(Duration.ofSeconds(10)).until(() -> admitted(sensorId, 1));
    offlineDetector.markOfflineSensors(Instant.now().plus(Duration.ofMinutes(6)));
    assertThat(freeSpots(FLOOR_TWO)).isEqualTo(1);

    publish(LOT, 602, reading(sensorId, false, 2));

    await("spot free again before the debounce ends")
        .atMost(DEBOUNCE.minusMillis(500))
        .until(() -> freeSpots(FLOOR_TWO) == 2);
    assertThat(store.readSpot(602).orElseThrow().sensor()).isEqualTo(SensorState.FREE);
  }

  @Test
  void brokerRestartReconnectsAndResubscribes() throws Exception {
    try (LocalMosquitto broker = LocalMosquitto.start()) {
      String clientId = CLIENT_ID + "-restart";
      MqttSubscriber gateway =
          new MqttSubscriber(
              new MqttProperties(
                  broker.url(),
                  clientId,
                  TOPIC_ROOT,
                  "",
                  SESSIONS,
                  Duration.ofMillis(200),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30)),
              handler);
      try {
        gateway.start();
        await("subscribed").atMost(Duration.ofSeconds(20)).until(gateway::isSubscribed);

        broker.restart();

        await("connection lost").atMost(Duration.ofSeconds(10)).until(() -> !gateway.isConnected());
        await("subscribed again").atMost(Duration.ofSeconds(30)).until(gateway::isSubscribed);
        String sensorId = newSensorId();
        MqttClient local =
            new MqttClient(broker.url(), "publisher-" + RUN_ID, new MemoryPersistence());
        local.connect();
        publish(local, stateTopic(LOT, 602), reading(sensorId, true, 1), false);
        local.disconnect();
        local.close();
        assertThat(awaitEvent(sensorId, 1).payload().spotId()).isEqualTo(602);
      } finally {
        gateway.stop();
      }
    }
  }

  private boolean admitted(String sensorId, long sequence) {
    Object last = redis.opsForHash().get(KEY_PREFIX + "sensor:" + sensorId, "seq");
    return Long.toString(sequence).equals(last);
  }

  private List<EventEnvelope<SensorStateChanged>> eventsOf(String sensorId) {
    JavaType type =
        mapper
            .getTypeFactory()
            .constructParametricType(EventEnvelope.class, SensorStateChanged.class);
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    List<EventEnvelope<SensorStateChanged>> events = new ArrayList<>();
    for (ConsumerRecord<String, String> record : received) {
      if (record.topic().equals(Topics.SENSOR_EVENTS)) {
        EventEnvelope<SensorStateChanged> event = mapper.readValue(record.value(), type);
        if (event.payload().sensorId().equals(sensorId)) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /** Connects once with a clean session under the client id, which deletes its stored session. */
  private static void removeSession(String url, String clientId) throws MqttException {
    MqttClient cleaner = new MqttClient(url, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    cleaner.connect(options);
    cleaner.disconnect();
    cleaner.close();
  }

  private static String heartbeatTopic(long lotId, long spotId) {
    return TOPIC_ROOT + "/lots/" + lotId + "/spots/" + spotId + "/heartbeat";
  }

  private static String heartbeat(String sensorId, long sequence, int battery) {
    return "{\"sensorId\": \""
        + sensorId
        + "\", \"sequence\": "
        + sequence
        + ", \"timestamp\": \""
        + Instant.now()
        + "\", \"battery\": "
        + battery
        + "}";
  }

  private KafkaConsumer<String, String> startConsumer() {
    Map<String, Object> properties =
        KafkaTestUtils.consumerProps(kafka.getBrokersAsString(), "iot-gateway-test-" + RUN_ID);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> started =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic :
        List.of(Topics.SENSOR_EVENTS, Topics.SENSOR_DEAD_LETTER, Topics.OPERATOR_EVENTS)) {
      started
          .partitionsFor(topic, Duration.ofSeconds(10))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    started.assign(partitions);
    started.seekToBeginning(partitions);
    return started;
  }

  private ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> match) {
    return await(topic + " record")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(received::add);
              return received.stream()
                  .filter(record -> record.topic().equals(topic))
                  .filter(match)
                  .findFirst();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private EventEnvelope<SensorStateChanged> awaitEvent(String sensorId, long sequence) {
    JavaType type =
        mapper
            .getTypeFactory()
            .constructParametricType(EventEnvelope.class, SensorStateChanged.class);
    ConsumerRecord<String, String> record =
        awaitRecord(
            Topics.SENSOR_EVENTS,
            candidate -> {
              EventEnvelope<SensorStateChanged> event = mapper.readValue(candidate.value(), type);
              return event.payload().sensorId().equals(sensorId)
                  && event.payload().sequence() == sequence;
            });
    return mapper.readValue(record.value(), type);
  }

  private void publish(long lotId, long spotId, String payload) {
    publish(stateTopic(lotId, spotId), payload);
  }

  private static void publish(String topic, String payload) {
    publish(publisher, topic, payload, false);
  }

  private static void publish(MqttClient client, String topic, String payload, boolean retained) {
    try {
      client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    } catch (MqttException e) {
      throw new IllegalStateException("Publishing to " + topic + " failed", e);
    }
  }

  private long freeSpots(long floorId) {
    return Long.parseLong(redis.opsForValue().get(store.counterKey(LOT, floorId)));
  }

  private double counter(String name, String tag, String value) {
    Counter counter = meters.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String stateTopic(long lotId, long spotId) {
    return TOPIC_ROOT + "/lots/" + lotId + "/spots/" + spotId + "/state";
  }

  private static String newSensorId() {
    return "mag-" + UUID.randomUUID();
  }

  private static String reading(String sensorId, boolean occupied, long sequence) {
    return reading(sensorId, occupied, sequence, Instant.now());
  }

  private static String reading(
      String sensorId, boolean occupied, long sequence, Instant timestamp) {
    return "{\"sensorId\": \""
        + sensorId
        + "\", \"occupied\": "
        + occupied
        + ", \"sequence\": "
        + sequence
        + ", \"timestamp\": \""
        + timestamp
        + "\", \"battery\": 87}";
  }

  private static LotLayout.Spot freeSpot(long spotId) {
    return new LotLayout.Spot(spotId, BookingState.NONE, SensorState.FREE);
  }
}
