package io.parking.support.messaging;

import io.parking.events.EventEnvelope;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers an {@link EventReader} in a service that has Spring for Apache Kafka, Jackson and the
 * event contracts on its class path and a {@link JsonMapper} bean. Services without those libraries
 * get nothing from this class.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, JsonMapper.class, EventEnvelope.class})
public class MessagingSupportAutoConfiguration {

  /** Not named {@code eventReader}, so that a service's own component of that name cannot clash. */
  @Bean
  @ConditionalOnBean(JsonMapper.class)
  @ConditionalOnMissingBean
  EventReader parkingEventReader(JsonMapper mapper) {
    return new EventReader(mapper);
  }
}
