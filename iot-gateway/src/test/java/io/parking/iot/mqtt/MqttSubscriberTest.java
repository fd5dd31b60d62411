package io.parking.iot.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Runs the subscriber against a loopback port with no MQTT broker behind it. */
class MqttSubscriberTest {

  private MqttSubscriber subscriber;

  @AfterEach
  void stopSubscriber() {
    if (subscriber != null) {
      subscriber.stop();
    }
  }

  @Test
  void startReturnsWhileBrokerDown() throws Exception {
    subscriber = new MqttSubscriber(properties("tcp://127.0.0.1:" + closedPort()), null);

    assertThatCode(subscriber::start).doesNotThrowAnyException();

    assertThat(subscriber.isRunning()).isTrue();
    assertThat(subscriber.isConnected()).isFalse();
    await("connect retries")
        .atMost(Duration.ofSeconds(10))
        .until(() -> subscriber.failedConnectAttempts() >= 3);
  }

  @Test
  void healthDownWhileBrokerDown() throws Exception {
    String url = "tcp://127.0.0.1:" + closedPort();
    subscriber = new MqttSubscriber(properties(url), null);
    subscriber.start();

    Health health = new MqttHealthIndicator(subscriber).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("broker", url);
    assertThat(health.getDetails()).containsEntry("connected", false);
    assertThat(health.getDetails())
        .containsEntry(
            "topicFilters", List.of("site/lots/+/spots/+/state", "site/lots/+/spots/+/heartbeat"));
  }

  @Test
  void stopEndsRetries() throws Exception {
    subscriber = new MqttSubscriber(properties("tcp://127.0.0.1:" + closedPort()), null);
    subscriber.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.failedConnectAttempts() >= 1);

    subscriber.stop();

    assertThat(subscriber.isRunning()).isFalse();
    int attemptsAtStop = subscriber.failedConnectAttempts();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> subscriber.failedConnectAttempts() == attemptsAtStop);
  }

  private static MqttProperties properties(String url) {
    return new MqttProperties(
        url,
        null,
        "site",
        "",
        Path.of("target/mqtt-sessions"),
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  /** Returns a loopback port that was free a moment ago, so connecting to it is refused. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
