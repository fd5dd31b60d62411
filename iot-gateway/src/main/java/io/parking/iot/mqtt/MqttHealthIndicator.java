package io.parking.iot.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code mqtt}: UP while the subscriber is connected and subscribed, DOWN
 * otherwise.
 */
@Component
class MqttHealthIndicator implements HealthIndicator {

  private final MqttSubscriber subscriber;

  MqttHealthIndicator(MqttSubscriber subscriber) {
    this.subscriber = subscriber;
  }

  @Override
  public Health health() {
    boolean connected = subscriber.isConnected();
    boolean subscribed = subscriber.isSubscribed();
    Health.Builder builder = connected && subscribed ? Health.up() : Health.down();
    return builder
        .withDetail("broker", subscriber.brokerUrl())
        .withDetail("connected", connected)
        .withDetail("clientId", subscriber.clientId())
        .withDetail("topicFilters", subscriber.topicFilters())
        .withDetail("subscribed", subscribed)
        .withDetail("failedConnectAttempts", subscriber.failedConnectAttempts())
        .build();
  }
}
