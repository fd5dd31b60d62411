package io.parking.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.support.security.DevTokens;
import io.parking.support.security.TokenSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Drives the whole platform through the gateway: real processes, HTTP, Kafka, MQTT, PostgreSQL and
 * Redis. Each test works on its own floor of City Mall, so the counter deltas one test checks are
 * not moved by another test's events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

  private static final Duration EVENT_DELAY = Duration.ofSeconds(30);

  /** The gateway's default time limit for a service's response (GATEWAY_SERVICE_TIME_LIMIT). */
  private static final Duration GATEWAY_TIME_LIMIT = Duration.ofSeconds(5);

  private static Platform platform;
  private static Gateway gateway;
  private static long lotId;
  private static List<JsonNode> floors;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = Platform.start();
    gateway = new Gateway(platform.gatewayUrl(), platform.tokenSettings());

    JsonNode lots = gateway.getAsOperator("/api/lots").json();
    JsonNode cityMall = null;
    for (JsonNode lot : lots) {
      if ("city-mall".equals(lot.path("code").asString())) {
        cityMall = lot;
      }
    }
    assertThat(cityMall).as("City Mall in %s", lots).isNotNull();
    lotId = cityMall.path("id").asLong();
    floors = new ArrayList<>();
    cityMall.path("floors").forEach(floors::add);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void cityMallIsSeededWithFreeCounts() throws Exception {
    JsonNode availability = gateway.get("/api/lots/" + lotId + "/availability").json();

    assertThat(floors)
        .extracting(floor -> floor.path("spotCount").asInt())
        .containsExactly(200, 200, 100);
    assertThat(availability.path("total").asLong()).isEqualTo(500);
    assertThat(availability.path("floors")).hasSize(3);
  }

  @Test
  void concurrentBookingsOfOneSpotGiveOneWinner() throws Exception {
    long floorId = floors.get(1).path("floorId").asLong();
    long spotId = firstAvailableSpot(floorId);
    long freeBefore = freeOnFloor(floorId);
    String body = bookingBody(spotId);

    List<Gateway.Response> answers = raceTwoBookings(body);

    assertThat(answers).extracting(Gateway.Response::status).containsExactlyInAnyOrder(201, 409);
    Gateway.Response winner = answers.stream().filter(a -> a.status() == 201).findFirst().get();
    Gateway.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().get();
    assertThat(loser.contentType()).startsWith("application/problem+json");
    assertThat(loser.json().path("detail").asString()).contains("no longer available");
    await().atMost(EVENT_DELAY).until(() -> freeOnFloor(floorId) == freeBefore - 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> freeOnFloor(floorId) == freeBefore - 1);

    String bookingId = winner.json().path("bookingId").asString();
    String driver = winner.json().path("userId").asString();
    await().atMost(EVENT_DELAY).until(() -> paymentStatus(bookingId, driver).equals("authorised"));
    await()
        .atMost(EVENT_DELAY)
        .until(() -> notificationKinds(driver).contains("BOOKING_CONFIRMED"));

    Gateway.Response cancel = gateway.delete("/api/bookings/" + bookingId, driver);

    assertThat(cancel.status()).as("cancel: %s", cancel).isEqualTo(200);
    assertThat(cancel.json().path("status").asString()).isEqualTo("cancelled");
    await().atMost(EVENT_DELAY).until(() -> freeOnFloor(floorId) == freeBefore);
    await().atMost(EVENT_DELAY).until(() -> paymentStatus(bookingId, driver).equals("voided"));
    assertThat(spotStatus(spotId)).isEqualTo("available");
  }

  @Test
  void sensorReportingCarTakesFreeSpot() throws Exception {
    long floorId = floors.get(2).path("floorId").asLong();
    long spotId = firstAvailableSpot(floorId);
    long freeBefore = freeOnFloor(floorId);

    publishSensorReading(spotId, true);

    await().atMost(EVENT_DELAY).until(() -> freeOnFloor(floorId) == freeBefore - 1);
    await().atMost(EVENT_DELAY).until(() -> spotStatus(spotId).equals("occupied"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> freeOnFloor(floorId) == freeBefore - 1);
  }

  @Test
  void rushForLastFiveSpots() throws Exception {
    long floorId = floors.get(0).path("floorId").asLong();
    List<Long> spots = availableSpots(floorId);
    Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String window =
        "\"startTime\": \"%s\", \"endTime\": \"%s\""
            .formatted(start, start.plus(1, ChronoUnit.HOURS));
    List<Gateway.Response> fill =
        inParallel(
            8,
            spots.subList(5, spots.size()).stream()
                .map(
                    spot ->
                        (Callable<Gateway.Response>)
                            () ->
                                gateway.post(
                                    "/api/bookings",
                                    "driver-fill-" + spot,
                                    "{\"spotId\": %d, %s}".formatted(spot, window)))
                .toList());
    assertThat(fill)
        .allSatisfy(answer -> assertThat(answer.status()).as("fill: %s", answer).isEqualTo(201));
    List<Long> lastFive = spots.subList(0, 5);

    List<Gateway.Response> answers =
        inParallel(
            50,
            java.util.stream.IntStream.range(0, 200)
                .mapToObj(
                    i ->
                        (Callable<Gateway.Response>)
                            () ->
                                gateway.post(
                                    "/api/bookings",
                                    "driver-rush-" + i,
                                    "{\"spotId\": %d, %s}".formatted(lastFive.get(i % 5), window)))
                .toList());

    assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(5);
    assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(195);
    assertThat(answers).noneMatch(answer -> answer.status() >= 500);
    await().atMost(EVENT_DELAY).until(() -> freeOnFloor(floorId) == 0);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> freeOnFloor(floorId) == 0);
  }

  /** Runs last, because the availability service stays stopped for the rest of the class. */
  @Test
  @Order(Integer.MAX_VALUE)
  void stoppedAvailabilityServiceAnswersServiceUnavailable() throws Exception {
    // The rush for the last five spots fills the first floor.
    long floorId = floors.get(2).path("floorId").asLong();
    platform.stopService("availability-service");

    long started = System.nanoTime();
    Gateway.Response counts = gateway.get("/api/lots/" + lotId + "/availability");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    Gateway.Response booking =
        gateway.post(
            "/api/bookings",
            "driver-during-outage-" + UUID.randomUUID(),
            bookingBody(firstAvailableSpot(floorId)));

    assertThat(counts.status()).as("counts: %s", counts).isEqualTo(503);
    assertThat(counts.contentType()).startsWith("application/problem+json");
    assertThat(counts.json().path("service").asString()).isEqualTo("availability");
    assertThat(elapsed).as("time to the 503").isLessThan(GATEWAY_TIME_LIMIT);
    assertThat(booking.status()).as("booking: %s", booking).isEqualTo(201);
  }

  @Test
  void driverCannotTouchAnotherDriversBookings() throws Exception {
    long floorId = floors.get(2).path("floorId").asLong();
    String owner = "driver-owner-" + UUID.randomUUID();
    String other = "driver-other-" + UUID.randomUUID();
    Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Gateway.Response bySpot =
        gateway.post(
            "/api/bookings",
            owner,
            bookingBody(firstAvailableSpot(floorId), start, start.plusSeconds(3600)));
    Gateway.Response byAnySpot =
        gateway.post(
            "/api/bookings/any",
            owner,
            "{\"lotId\": %d, \"floorId\": %d, \"startTime\": \"%s\", \"endTime\": \"%s\"}"
                .formatted(lotId, floorId, start, start.plusSeconds(3600)));
    assertThat(bySpot.status()).as("by spot: %s", bySpot).isEqualTo(201);
    assertThat(byAnySpot.status()).as("any spot: %s", byAnySpot).isEqualTo(201);

    for (Gateway.Response booking : List.of(bySpot, byAnySpot)) {
      String path = "/api/bookings/" + booking.json().path("bookingId").asString();
      String later = "{\"endTime\": \"%s\"}".formatted(start.plusSeconds(7200));
      String otherToken = gateway.token(other, "driver");
      List<Gateway.Response> attempts =
          List.of(
              gateway.send("GET", path, otherToken, null),
              gateway.send("PATCH", path, otherToken, later),
              gateway.send("POST", path + "/check-in", otherToken, null),
              gateway.send("POST", path + "/complete", otherToken, null),
              gateway.send("DELETE", path, otherToken, null));

      for (Gateway.Response attempt : attempts) {
        assertThat(attempt.status()).as("other driver on %s: %s", path, attempt).isEqualTo(404);
        assertThat(attempt.contentType()).startsWith("application/problem+json");
      }
      Gateway.Response unchanged = gateway.send("GET", path, gateway.token(owner, "driver"), null);
      assertThat(unchanged.json().path("status").asString()).isEqualTo("reserved");
      assertThat(unchanged.json().path("endTime").asString())
          .isEqualTo(booking.json().path("endTime").asString());
    }
    Gateway.Response otherList = gateway.get("/api/bookings", other);
    assertThat(otherList.status()).isEqualTo(200);
    assertThat(otherList.body())
        .doesNotContain(bySpot.json().path("bookingId").asString())
        .doesNotContain(byAnySpot.json().path("bookingId").asString());
  }

  @Test
  void kioskTokenReadsOnlyAvailability() throws Exception {
    String kiosk = gateway.token("kiosk-entrance-1", "kiosk");

    Gateway.Response counts =
        gateway.send("GET", "/api/lots/" + lotId + "/availability", kiosk, null);
    List<Gateway.Response> refused =
        List.of(
            gateway.send("GET", "/api/lots", kiosk, null),
            gateway.send("GET", "/api/bookings", kiosk, null),
            gateway.send(
                "POST",
                "/api/bookings",
                kiosk,
                bookingBody(firstAvailableSpot(floors.get(0).path("floorId").asLong()))),
            gateway.send("GET", "/api/payments?bookingId=" + UUID.randomUUID(), kiosk, null),
            gateway.send("GET", "/api/notifications", kiosk, null),
            gateway.send("GET", "/api/operator/reconciliation?lotId=" + lotId, kiosk, null));

    assertThat(counts.status()).as("counts: %s", counts).isEqualTo(200);
    for (Gateway.Response answer : refused) {
      assertThat(answer.status()).as("kiosk: %s", answer).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void invalidTokensAreRejected() throws Exception {
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    String expired =
        new DevTokens(platform.tokenSettings())
            .sign("driver-late", List.of("driver"), hourAgo, hourAgo.plusSeconds(600));
    // Signed with the published development key, which this platform does not accept.
    String foreignKey =
        new DevTokens(TokenSettings.development())
            .mint("driver-forger", List.of("driver"), Duration.ofMinutes(5));

    List<Gateway.Response> answers =
        List.of(
            gateway.send("GET", "/api/bookings", null, null),
            gateway.send("GET", "/api/bookings", expired, null),
            gateway.send("GET", "/api/bookings", foreignKey, null),
            gateway.send("GET", "/api/bookings", null, null, "X-User-Id", "driver-1"));

    for (Gateway.Response answer : answers) {
      assertThat(answer.status()).as("bad token: %s", answer).isEqualTo(401);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void callerSuppliedUserIdIsIgnored() throws Exception {
    long floorId = floors.get(1).path("floorId").asLong();
    String driver = "driver-real-" + UUID.randomUUID();

    Gateway.Response booking =
        gateway.send(
            "POST",
            "/api/bookings",
            gateway.token(driver, "driver"),
            bookingBody(firstAvailableSpot(floorId)),
            "X-User-Id",
            "driver-forged");

    assertThat(booking.status()).as("booking: %s", booking).isEqualTo(201);
    assertThat(booking.json().path("userId").asString()).isEqualTo(driver);
    assertThat(gateway.get("/api/bookings", "driver-forged").body())
        .doesNotContain(booking.json().path("bookingId").asString());
  }

  @Test
  void badBookingRequestsAreRejectedWithProblemDetails() throws Exception {
    long floorId = floors.get(1).path("floorId").asLong();
    long spotId = firstAvailableSpot(floorId);
    String driver = "driver-" + UUID.randomUUID();
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    Gateway.Response unknownSpot =
        gateway.post(
            "/api/bookings", driver, bookingBody(999_999_999L, start, start.plusSeconds(3600)));
    Gateway.Response malformed = gateway.post("/api/bookings", driver, "{\"spotId\": \"abc\"");
    Gateway.Response missingFields = gateway.post("/api/bookings", driver, "{}");
    Gateway.Response endBeforeStart =
        gateway.post("/api/bookings", driver, bookingBody(spotId, start, start.minusSeconds(60)));

    assertThat(unknownSpot.status()).as("unknown spot: %s", unknownSpot).isEqualTo(404);
    assertThat(malformed.status()).as("malformed: %s", malformed).isEqualTo(400);
    assertThat(missingFields.status()).as("missing: %s", missingFields).isEqualTo(400);
    assertThat(missingFields.body()).contains("spotId");
    assertThat(endBeforeStart.status()).as("end before start: %s", endBeforeStart).isEqualTo(422);
    assertThat(endBeforeStart.body()).contains("endTime");
    for (Gateway.Response answer : List.of(unknownSpot, malformed, missingFields, endBeforeStart)) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    assertThat(spotStatus(spotId)).isEqualTo("available");
  }

  @Test
  void availabilityStreamPassesChangesThroughGateway() throws Exception {
    long floorId = floors.get(2).path("floorId").asLong();
    long spotId = availableSpots(floorId).get(1);
    long freeBefore = freeOnFloor(floorId);
    java.util.concurrent.BlockingQueue<String> lines =
        new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    var stream =
        http.sendAsync(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        platform.gatewayUrl() + "/api/lots/" + lotId + "/availability/stream"))
                .header("Accept", "text/event-stream")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofLines());
    try {
      var response = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      Thread reader = new Thread(() -> response.body().forEach(lines::add));
      reader.setDaemon(true);
      reader.start();
      lines.clear();

      publishSensorReading(spotId, true);

      await()
          .atMost(EVENT_DELAY)
          .until(
              () ->
                  lines.stream()
                      .anyMatch(line -> line.startsWith("data:") && line.contains("\"free\"")));
      assertThat(lines)
          .anyMatch(line -> line.startsWith("event:") && line.contains("availability"));
    } finally {
      stream.cancel(true);
    }
  }

  @Test
  void apiDocsNameGatewayAsServer() throws Exception {
    for (String service : List.of("booking", "availability", "payment", "notification")) {
      Gateway.Response docs = gateway.get("/v3/api-docs/" + service);

      assertThat(docs.status()).as("%s docs: %s", service, docs).isEqualTo(200);
      assertThat(docs.json().path("servers").get(0).path("url").asString())
          .as("%s docs server", service)
          .isEqualTo(platform.gatewayUrl());
    }
  }

  private static List<Gateway.Response> inParallel(
      int threads, List<Callable<Gateway.Response>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Gateway.Response> answers = new ArrayList<>();
      for (Future<Gateway.Response> answer : pool.invokeAll(requests)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns the floor's free count in an SSE data line, or -1 for any other line. */
  private static long streamedFree(String line, long floorId) {
    if (!line.startsWith("data:")) {
      return -1;
    }
    JsonNode counts =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5));
    for (JsonNode floor : counts.path("floors")) {
      if (floor.path("floorId").asLong() == floorId) {
        return floor.path("free").asLong();
      }
    }
    return -1;
  }

  private static List<Long> availableSpots(long floorId) throws Exception {
    List<Long> spots = new ArrayList<>();
    for (JsonNode spot :
        gateway.getAsOperator("/api/lots/" + lotId + "/floors/" + floorId + "/spots").json()) {
      if ("available".equals(spot.path("status").asString())) {
        spots.add(spot.path("spotId").asLong());
      }
    }
    return spots;
  }

  private static List<Gateway.Response> raceTwoBookings(String body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Gateway.Response>> drivers = new ArrayList<>();
      for (String driver :
          List.of("driver-a-" + UUID.randomUUID(), "driver-b-" + UUID.randomUUID())) {
        drivers.add(
            () -> {
              go.await();
              return gateway.post("/api/bookings", driver, body);
            });
      }
      List<Future<Gateway.Response>> futures = new ArrayList<>();
      for (Callable<Gateway.Response> driver : drivers) {
        futures.add(pool.submit(driver));
      }
      go.countDown();
      List<Gateway.Response> answers = new ArrayList<>();
      for (Future<Gateway.Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void publishSensorReading(long spotId, boolean occupied) throws Exception {
    MqttClient client =
        new MqttClient(
            platform.mqttUrl(), "e2e-sensor-" + UUID.randomUUID(), new MemoryPersistence());
    try {
      client.connect(new MqttConnectOptions());
      String topic = platform.mqttTopicRoot() + "/lots/" + lotId + "/spots/" + spotId + "/state";
      String payload =
          """
          {"sensorId": "e2e-%d", "occupied": %b, "sequence": 1, "timestamp": "%s", "battery": 90}
          """
              .formatted(spotId, occupied, Instant.now().truncatedTo(ChronoUnit.SECONDS));
      MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
      message.setQos(1);
      client.publish(topic, message);
      client.disconnect();
    } finally {
      client.close();
    }
  }

  private static long firstAvailableSpot(long floorId) throws Exception {
    JsonNode spots =
        gateway.getAsOperator("/api/lots/" + lotId + "/floors/" + floorId + "/spots").json();
    for (JsonNode spot : spots) {
      if ("available".equals(spot.path("status").asString())
          && "regular".equals(spot.path("type").asString())) {
        return spot.path("spotId").asLong();
      }
    }
    throw new AssertionError("no available regular spot on floor " + floorId + ": " + spots);
  }

  private static long freeOnFloor(long floorId) throws Exception {
    JsonNode availability = gateway.get("/api/lots/" + lotId + "/availability").json();
    for (JsonNode floor : availability.path("floors")) {
      if (floor.path("floorId").asLong() == floorId) {
        return floor.path("free").asLong();
      }
    }
    throw new AssertionError("floor " + floorId + " missing in " + availability);
  }

  private static String spotStatus(long spotId) throws Exception {
    return gateway.getAsOperator("/api/spots/" + spotId).json().path("status").asString();
  }

  private static String paymentStatus(String bookingId, String driver) throws Exception {
    JsonNode payments = gateway.get("/api/payments?bookingId=" + bookingId, driver).json();
    return payments.isEmpty() ? "" : payments.get(0).path("status").asString();
  }

  private static List<String> notificationKinds(String userId) throws Exception {
    List<String> kinds = new ArrayList<>();
    gateway
        .get("/api/notifications", userId)
        .json()
        .forEach(n -> kinds.add(n.path("kind").asString()));
    return kinds;
  }

  private static String bookingBody(long spotId) {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    return bookingBody(spotId, start, start.plus(2, ChronoUnit.HOURS));
  }

  private static String bookingBody(long spotId, Instant start, Instant end) {
    return """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}
        """
        .formatted(spotId, start, end);
  }
}
