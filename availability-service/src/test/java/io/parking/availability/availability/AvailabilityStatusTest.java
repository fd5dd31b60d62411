package io.parking.availability.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.availability.store.SensorState;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AvailabilityStatusTest extends IntegrationTest {

  private static final long LOT = TestLots.STATUS_LOT.lotId();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** Start of the stream's data line once one of the lot's four spots is taken. */
  private static final String THREE_FREE = "\"lotId\":801,\"status\":\"open\",\"free\":3,";

  @Autowired private MockMvcTester mvc;
  @LocalServerPort private int port;

  @BeforeEach
  void awaitLotBuilt() {
    await().atMost(TIMEOUT).until(() -> store.isRegistered(LOT));
  }

  @Test
  void matchingEtagGetsNotModified() {
    MvcTestResult first = mvc.get().uri("/api/lots/{lotId}/availability", LOT).exchange();
    String etag = first.getResponse().getHeader(HttpHeaders.ETAG);

    MvcTestResult repeat =
        mvc.get()
            .uri("/api/lots/{lotId}/availability", LOT)
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .exchange();
    store.applySensorState(80102, SensorState.OCCUPIED);
    MvcTestResult afterChange =
        mvc.get()
            .uri("/api/lots/{lotId}/availability", LOT)
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .exchange();
    store.applySensorState(80102, SensorState.FREE);

    assertThat(etag).isNotBlank();
    assertThat(first).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "max-age=2, public");
    assertThat(repeat).hasStatus(HttpStatus.NOT_MODIFIED);
    assertThat(repeat.getResponse().getContentAsByteArray()).isEmpty();
    assertThat(afterChange).hasStatusOk();
    assertThat(afterChange.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
  }

  @Test
  void fullyClosedFloorReadsClosed() {
    store.applyServiceState(80201, false);
    store.applyServiceState(80202, false);
    MvcTestResult result;
    try {
      result =
          mvc.get().uri("/api/lots/{lotId}/floors/{floorId}/availability", LOT, 8012).exchange();
    } finally {
      store.applyServiceState(80201, true);
      store.applyServiceState(80202, true);
    }

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("closed");
    assertThat(result).bodyJson().extractingPath("$.closed").isEqualTo(2);
    assertThat(result).bodyJson().extractingPath("$.free").isEqualTo(0);
    assertThat(result).bodyJson().extractingPath("$.occupied").isEqualTo(0);
  }

  @Test
  void offlineSensorIsReportedUnknown() {
    store.applySensorState(80101, SensorState.UNKNOWN);
    MvcTestResult result;
    try {
      result =
          mvc.get().uri("/api/lots/{lotId}/floors/{floorId}/availability", LOT, 8011).exchange();
    } finally {
      store.applySensorState(80101, SensorState.FREE);
    }

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.unknown").isEqualTo(1);
    assertThat(result).bodyJson().extractingPath("$.free").isEqualTo(1);
    assertThat(result).bodyJson().extractingPath("$.occupied").isEqualTo(0);
    assertThat(result).bodyJson().extractingPath("$.types.regular.free").isEqualTo(1);
  }

  @Test
  void streamSendsCountsAfterChange() throws Exception {
    assertStreamSendsCountsAfterChange(streamRequest().build());
  }

  @Test
  void kioskTokenStreamSendsCounts() throws Exception {
    String token =
        new DevTokens(TokenSettings.development())
            .mint("kiosk-1", List.of(Roles.KIOSK), Duration.ofMinutes(10));

    assertStreamSendsCountsAfterChange(
        streamRequest().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
  }

  private HttpRequest.Builder streamRequest() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/lots/" + LOT + "/availability/stream"))
        .header("Accept", "text/event-stream");
  }

  /**
   * Opens the stream, waits for its first event, takes one spot and waits for the event with the
   * new counts and for a heartbeat.
   */
  private void assertStreamSendsCountsAfterChange(HttpRequest request) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (var input =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = input.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException exception) {
                lines.add("closed: " + exception);
              }
            },
            "stream-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      await().atMost(TIMEOUT).until(() -> dataLines(lines).size() >= 1);

      store.applySensorState(80102, SensorState.OCCUPIED);

      await()
          .atMost(TIMEOUT)
          .until(() -> dataLines(lines).stream().anyMatch(line -> line.contains(THREE_FREE)));
      await().atMost(TIMEOUT).until(() -> lines.contains(":heartbeat"));
    } finally {
      store.applySensorState(80102, SensorState.FREE);
      response.body().close();
      reader.interrupt();
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    assertThat(lines).contains("event:availability");
    assertThat(dataLines(lines).get(0)).contains("\"lotId\":801,\"status\":\"open\",\"free\":4,");
    assertThat(dataLines(lines)).anyMatch(line -> line.contains(THREE_FREE));
  }

  private static List<String> dataLines(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("data:")).toList();
  }
}
