package io.parking.booking.reconciliation;

import io.parking.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationConfiguration {

  /** Operator alerts, keyed by spot id; the IoT gateway sends its sensor alerts here too. */
  @Bean
  NewTopic operatorEventsTopic() {
    return TopicBuilder.name(Topics.OPERATOR_EVENTS).partitions(6).replicas(1).build();
  }
}
