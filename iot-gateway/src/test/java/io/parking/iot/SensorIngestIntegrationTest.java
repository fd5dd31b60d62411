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
import io.parking.iot.mqtt.MqttSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the gateway against the Mosquitto broker at MQTT_URL (default tcp://127.0.0.1:1883), the
 * Redis server at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379) and an embedded Kafka broker. Each
 * run uses its own MQTT topic root and Redis key prefix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SensorIngestIntegrationTest {

  private static final String RUN_ID = UUID.randomUUID().toString();
  private static final String TOPIC_ROOT = "test-" + RUN_ID + "/parking";
  private static final String KEY_PREFIX = "test-iot-" + RUN_ID + ":";
  private static final String MQTT_URL =
      System.getenv().getOrDefault("MQTT_URL", "tcp://127.0.0.1:1883");

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

  @DynamicPropertySource
  static void isolateRun(DynamicPropertyRegistry registry) {
    registry.add("parking.mqtt.url", () -> MQTT_URL);
    registry.add("parking.mqtt.topic-root", () -> TOPIC_ROOT);
    registry.add("parking.redis.key-prefix", () -> KEY_PREFIX);
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
    publish(LOT, 503, reading(sensorId, true, 2));

    awaitEvent(sensorId, 1);
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
        .extractingPath("$.details.topicFilter")
        .isEqualTo(TOPIC_ROOT + "/lots/+/spots/+/state");
  }

  @Test
  void unknownPathReturnsProblemDetail() {
    assertThat(mvc.get().uri("/no-such-path"))
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/not-found");
  }

  private KafkaConsumer<String, String> startConsumer() {
    Map<String, Object> properties =
        KafkaTestUtils.consumerProps(kafka.getBrokersAsString(), "iot-gateway-test-" + RUN_ID);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> started =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.SENSOR_EVENTS, Topics.SENSOR_DEAD_LETTER)) {
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
    try {
      publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
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
