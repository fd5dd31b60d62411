package io.parking.iot.mqtt;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to the MQTT broker the sensors publish to.
 *
 * @param url broker URL, for example {@code tcp://127.0.0.1:1883}
 * @param clientId MQTT client id; when blank, {@code iot-gateway-} and 8 random hex digits
 * @param topicRoot first levels of every sensor topic, without wildcards or a trailing slash
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
  }

  /** Topic filter matching the state topic of every spot of every lot. */
  public String stateTopicFilter() {
    return topicRoot + "/lots/+/spots/+/state";
  }
}
