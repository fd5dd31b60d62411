package io.parking.iot.config;

import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.events.Topics;
import io.parking.iot.mqtt.MqttProperties;
import io.parking.iot.sensor.SensorProperties;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({
  MqttProperties.class,
  SensorProperties.class,
  StoreProperties.class
})
class GatewayConfig {

  @Bean
  SpotAvailabilityStore spotAvailabilityStore(StringRedisTemplate redis, StoreProperties store) {
    return new SpotAvailabilityStore(redis, store.keyPrefix());
  }

  /** Applied sensor readings, keyed by spot id, so one spot's readings stay on one partition. */
  @Bean
  NewTopic sensorEventsTopic() {
    return TopicBuilder.name(Topics.SENSOR_EVENTS).partitions(6).build();
  }

  /** Alerts for operators, keyed by spot id; the booking service sends its own alerts here too. */
  @Bean
  NewTopic operatorEventsTopic() {
    return TopicBuilder.name(Topics.OPERATOR_EVENTS).partitions(6).build();
  }

  /** Rejected MQTT messages for operators; one partition keeps them in arrival order. */
  @Bean
  NewTopic sensorDeadLetterTopic() {
    return TopicBuilder.name(Topics.SENSOR_DEAD_LETTER).partitions(1).build();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
