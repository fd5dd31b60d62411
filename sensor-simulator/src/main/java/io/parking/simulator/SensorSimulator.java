package io.parking.simulator;

import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a simulated day of one lot over MQTT, as its spot sensors would, through the broker the
 * IoT gateway subscribes to. Besides the walk-in traffic of {@link DayPlan} it books spots through
 * the gateway for drivers who arrive and for no-shows, flaps one sensor (a neighbour's car
 * passing), and lets one sensor fall silent (no readings, no heartbeats).
 *
 * <p>Settings come from the environment: {@code GATEWAY_URL}, {@code MQTT_URL}, {@code
 * MQTT_TOPIC_ROOT}, {@code SIMULATOR_SPEED} (simulated seconds per real second, default 60), {@code
 * SIMULATOR_START_HOUR} (default 8), {@code SIMULATOR_HOURS} (default 12), {@code SIMULATOR_LOT}
 * (lot code, default {@code city-mall}) and {@code SIMULATOR_SEED}.
 */
public final class SensorSimulator {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Share of the lot's spots kept for booked drivers instead of walk-ins. */
  private static final double BOOKED_SHARE = 0.05;

  /** Real seconds between two heartbeats of each sensor (sensors send one a minute when idle). */
  private static final long HEARTBEAT_SECONDS = 60;

  /** QoS 1 messages that may await the broker's acknowledgement at once. */
  private static final int MAX_IN_FLIGHT = 1000;

  /** Lifetime of the tokens the simulator mints for each request it sends. */
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  private final HttpClient http = HttpClient.newHttpClient();
  private final DevTokens tokens = new DevTokens(TokenSettings.fromEnvironment());
  private final String gatewayUrl;
  private final String topicRoot;
  private final double speed;
  private final MqttClient mqtt;
  private final Map<Long, AtomicLong> sequences = new ConcurrentHashMap<>();
  // Sequences start at the wall clock, so a restarted simulator never repeats or goes below
  // the sequence numbers the IoT gateway has already seen from the same sensors.
  private final long sequenceBase = System.currentTimeMillis();
  private final AtomicLong published = new AtomicLong();

  private SensorSimulator(String gatewayUrl, String mqttUrl, String topicRoot, double speed)
      throws MqttException {
    this.gatewayUrl = gatewayUrl;
    this.topicRoot = topicRoot;
    this.speed = speed;
    this.mqtt =
        new MqttClient(mqttUrl, "sensor-simulator-" + sequenceBase, new MemoryPersistence());
  }

  public static void main(String[] args) throws Exception {
    SensorSimulator simulator =
        new SensorSimulator(
            env("GATEWAY_URL", "http://127.0.0.1:8080"),
            env("MQTT_URL", "tcp://127.0.0.1:1883"),
            env("MQTT_TOPIC_ROOT", "parking"),
            Double.parseDouble(env("SIMULATOR_SPEED", "60")));
    simulator.run(
        env("SIMULATOR_LOT", "city-mall"),
        Integer.parseInt(env("SIMULATOR_START_HOUR", "8")),
        Integer.parseInt(env("SIMULATOR_HOURS", "12")),
        Long.parseLong(env("SIMULATOR_SEED", Long.toString(System.nanoTime()))));
  }

  private void run(String lotCode, int startHour, int hours, long seed) throws Exception {
    long lotId = findLot(lotCode);
    List<Long> spots = availableSpots(lotId);
    Collections.shuffle(spots, new Random(seed));
    long flappingSpot = spots.remove(0);
    long silentSpot = spots.remove(0);
    int bookedCount = Math.max(2, (int) (spots.size() * BOOKED_SHARE));
    List<Long> bookedSpots = new ArrayList<>(spots.subList(0, bookedCount));
    List<Long> walkInSpots = new ArrayList<>(spots.subList(bookedCount, spots.size()));
    DayPlan plan = DayPlan.plan(walkInSpots, startHour, hours, seed);

    MqttConnectOptions options = new MqttConnectOptions();
    options.setAutomaticReconnect(true);
    // Every sensor's heartbeat falls due in the same second, so hundreds of QoS 1 messages can be
    // awaiting their acknowledgement at once; Paho's default allows 10.
    options.setMaxInflight(MAX_IN_FLIGHT);
    mqtt.connect(options);
    System.out.printf(
        "simulating lot %d from %02d:00 for %d h at %.0fx: %d walk-in readings, %d spots for"
            + " bookings, sensor of spot %d flaps, sensor of spot %d falls silent%n",
        lotId,
        startHour,
        hours,
        speed,
        plan.events().size(),
        bookedCount,
        flappingSpot,
        silentSpot);

    ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    timers.scheduleAtFixedRate(
        () -> heartbeats(lotId, silentSpot, spots, flappingSpot),
        0,
        HEARTBEAT_SECONDS,
        TimeUnit.SECONDS);
    timers.scheduleAtFixedRate(() -> flap(lotId, flappingSpot), 5, 20, TimeUnit.SECONDS);
    // The silent sensor reports a car once, then neither readings nor heartbeats.
    publishReading(lotId, silentSpot, true);
    scheduleBookings(timers, lotId, bookedSpots, hours, new Random(seed + 1));

    long started = System.nanoTime();
    int lastHour = -1;
    for (SensorEvent event : plan.events()) {
      long due = started + (long) (event.minute() * 60e9 / speed);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int hour = startHour + (int) (event.minute() / 60);
      if (hour != lastHour) {
        lastHour = hour;
        System.out.printf("%02d:00 simulated, %d readings published%n", hour % 24, published.get());
      }
      publishReading(lotId, event.spotId(), event.occupied());
    }
    timers.shutdownNow();
    mqtt.disconnect();
    mqtt.close();
    System.out.printf("simulated day done: %d readings published%n", published.get());
  }

  /**
   * Books one spot per simulated half hour through the gateway. Two of three drivers arrive at the
   * start of their window and leave at its end; the third never comes (a no-show).
   */
  private void scheduleBookings(
      ScheduledExecutorService timers, long lotId, List<Long> spots, int hours, Random random) {
    double realSecondsPerSimMinute = 60 / speed;
    for (int slot = 0; slot < hours * 2 && slot < spots.size(); slot++) {
      long spot = spots.get(slot);
      boolean arrives = slot % 3 != 2;
      long bookAt = (long) (slot * 30 * realSecondsPerSimMinute * 1000);
      long stayMillis = (long) ((60 + random.nextInt(120)) * realSecondsPerSimMinute * 1000);
      timers.schedule(
          () -> book(lotId, spot, arrives, stayMillis, timers), bookAt, TimeUnit.MILLISECONDS);
    }
  }

  private void book(
      long lotId, long spot, boolean arrives, long stayMillis, ScheduledExecutorService timers) {
    Instant start = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    Instant end = start.plusMillis(Math.max(60_000, stayMillis)).truncatedTo(ChronoUnit.SECONDS);
    String body =
        "{\"spotId\": %d, \"startTime\": \"%s\", \"endTime\": \"%s\"}".formatted(spot, start, end);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/bookings"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", bearer("sim-driver-" + spot, Roles.DRIVER))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.printf(
          "booked spot %d from %s to %s (%s): HTTP %d%n",
          spot, start, end, arrives ? "driver arrives" : "no-show", response.statusCode());
      if (response.statusCode() == 201 && arrives) {
        long untilStart = Duration.between(Instant.now(), start).toMillis();
        long untilEnd = Duration.between(Instant.now(), end).toMillis();
        timers.schedule(() -> publishReading(lotId, spot, true), untilStart, TimeUnit.MILLISECONDS);
        timers.schedule(() -> publishReading(lotId, spot, false), untilEnd, TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      System.err.printf("booking spot %d failed: %s%n", spot, e);
    }
  }

  /** Simulates a car passing the flapping sensor's spot: occupied for a second, then free. */
  private void flap(long lotId, long spot) {
    publishReading(lotId, spot, true);
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    publishReading(lotId, spot, false);
  }

  private void heartbeats(long lotId, long silentSpot, List<Long> spots, long flappingSpot) {
    List<Long> alive = new ArrayList<>(spots);
    alive.add(flappingSpot);
    for (long spot : alive) {
      String payload =
          "{\"sensorId\": \"%s\", \"sequence\": %d, \"timestamp\": \"%s\", \"battery\": 80}"
              .formatted(sensorId(spot), nextSequence(spot), Instant.now());
      publish(topicRoot + "/lots/" + lotId + "/spots/" + spot + "/heartbeat", payload);
    }
  }

  /** Returns the sensor's next message number; state and heartbeat messages share one counter. */
  private long nextSequence(long spot) {
    return sequences.computeIfAbsent(spot, id -> new AtomicLong(sequenceBase)).incrementAndGet();
  }

  private void publishReading(long lotId, long spot, boolean occupied) {
    long sequence = nextSequence(spot);
    String payload =
        "{\"sensorId\": \"%s\", \"occupied\": %b, \"sequence\": %d, \"timestamp\": \"%s\", \"battery\": 80}"
            .formatted(sensorId(spot), occupied, sequence, Instant.now());
    publish(topicRoot + "/lots/" + lotId + "/spots/" + spot + "/state", payload);
    published.incrementAndGet();
  }

  private void publish(String topic, String payload) {
    try {
      MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
      message.setQos(1);
      mqtt.publish(topic, message);
    } catch (MqttException e) {
      System.err.printf("publishing to %s failed: %s%n", topic, e);
    }
  }

  private static String sensorId(long spot) {
    return "sim-" + spot;
  }

  private long findLot(String code) throws Exception {
    for (JsonNode lot : getJson("/api/lots")) {
      if (code.equals(lot.path("code").asString())) {
        return lot.path("id").asLong();
      }
    }
    throw new IllegalStateException(
        "no lot with code " + code + " at " + gatewayUrl + ": start the platform first");
  }

  /** Spots that are available now, so that the simulated cars start from an empty lot. */
  private List<Long> availableSpots(long lotId) throws Exception {
    List<Long> spots = new ArrayList<>();
    for (JsonNode floor : getJson("/api/lots/" + lotId).path("floors")) {
      long floorId = floor.path("floorId").asLong();
      for (JsonNode spot : getJson("/api/lots/" + lotId + "/floors/" + floorId + "/spots")) {
        if ("available".equals(spot.path("status").asString())) {
          spots.add(spot.path("spotId").asLong());
        }
      }
    }
    return spots;
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", bearer("sim-operator", Roles.OPERATOR))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " returned " + response.statusCode() + ": " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  private String bearer(String user, String role) {
    return "Bearer " + tokens.mint(user, List.of(role), TOKEN_LIFETIME);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
