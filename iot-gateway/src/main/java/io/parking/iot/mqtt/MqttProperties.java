package io.parking.iot.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to the MQTT broker the sensors publish to.
 *
 * @param url broker URL, for example {@code tcp://127.0.0.1:1883}
 * @param clientId MQTT client id, which names the persistent session on the broker, so it must stay
 *     the same across restarts of one instance and differ between instances; when blank, {@code
 *     iot-gateway-} and 8 random hex digits, which loses the session at every restart
 * @param topicRoot first levels of every sensor topic, without wildcards or a trailing slash
 * @param sharedGroup name of the shared subscription group ({@code $share/{group}/...}) that lets
 *     several gateway instances split the messages; blank subscribes without sharing, so every
 *     instance receives every message
 * @param persistenceDir folder where the client keeps its unacknowledged QoS 1 messages
 * @param reconnectDelay wait before the first retry of a failed initial connect, doubled per
 *     failure up to {@code maxReconnectDelay}
 * @param maxReconnectDelay longest wait between two connect attempts, also Paho's cap for its
 *     automatic reconnect after a lost connection
 * @param connectionTimeout how long one connect attempt may take
 * @param keepAlive MQTT keep-alive interval
 */
@ConfigurationProperties("parking.mqtt")
public record MqttProperties(
    @DefaultValue("tcp://127.0.0.1:1883") String url,
    String clientId,
    @DefaultValue("parking") String topicRoot,
    @DefaultValue("iot-gateway") String sharedGroup,
    @DefaultValue("mqtt-sessions") Path persistenceDir,
    @DefaultValue("1s") Duration reconnectDelay,
    @DefaultValue("30s") Duration maxReconnectDelay,
    @DefaultValue("10s") Duration connectionTimeout,
    @DefaultValue("30s") Duration keepAlive) {

  public MqttProperties {
    if (clientId == null || clientId.isBlank()) {
      clientId = "iot-gateway-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
    if (topicRoot == null
        || topicRoot.isBlank()
        || topicRoot.contains("+")
        || topicRoot.contains("#")
        || topicRoot.startsWith("/")
        || topicRoot.endsWith("/")) {
      throw new IllegalArgumentException(
          "parking.mqtt.topic-root (MQTT_TOPIC_ROOT) must be non-empty, without '+', '#' or a"
              + " leading or trailing '/', was '"
              + topicRoot
              + "'");
    }
    sharedGroup = sharedGroup == null ? "" : sharedGroup.strip();
    if (sharedGroup.contains("/") || sharedGroup.contains("+") || sharedGroup.contains("#")) {
      throw new IllegalArgumentException(
          "parking.mqtt.shared-group (MQTT_SHARED_GROUP) must not contain '/', '+' or '#', was '"
              + sharedGroup
              + "'");
    }
    if (persistenceDir == null) {
      persistenceDir = Path.of("mqtt-sessions");
    }
  }

  /** Topic filter matching the state topic of every spot of every lot. */
  public String stateTopicFilter() {
    return topicRoot + "/lots/+/spots/+/state";
  }

  /** Topic filter matching the heartbeat topic of every spot of every lot. */
  public String heartbeatTopicFilter() {
    return topicRoot + "/lots/+/spots/+/heartbeat";
  }

  /** The filters the gateway subscribes to, inside the shared group when one is set. */
  public List<String> subscriptionFilters() {
    String prefix = sharedGroup.isEmpty() ? "" : "$share/" + sharedGroup + "/";
    return List.of(prefix + stateTopicFilter(), prefix + heartbeatTopicFilter());
  }
}
