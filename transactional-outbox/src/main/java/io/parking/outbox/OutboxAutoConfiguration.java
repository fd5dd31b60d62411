package io.parking.outbox;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Auto-configuration of the outbox for a service that depends on this module: the {@link Outbox} to
 * append events in its transactions, the {@link OutboxRelay} that sends them to Kafka, and, unless
 * {@code parking.outbox.relay-enabled} is false, the scheduler that runs the relay. It needs the
 * service's {@link DataSource} and Kafka {@link ProducerFactory}; the {@code outbox_events} table
 * must exist in the schema the DataSource connects to (see the package documentation).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxEvents outboxEvents(DataSource dataSource) {
    return new OutboxEvents(JdbcClient.create(dataSource));
  }

  @Bean
  @ConditionalOnMissingBean
  public Outbox outbox(OutboxEvents events, DataSource dataSource) {
    return new Outbox(events, dataSource);
  }

  /**
   * The relay runs its transactions with a JDBC transaction manager of its own over the same
   * DataSource, so it works unchanged when the service has a JPA transaction manager or several
   * transaction managers.
   */
  @Bean
  @ConditionalOnMissingBean
  public OutboxRelay outboxRelay(
      OutboxEvents events,
      DataSource dataSource,
      ProducerFactory<?, ?> producerFactory,
      OutboxProperties properties) {
    return new OutboxRelay(
        events,
        RelayKafkaTemplate.create(producerFactory, properties),
        properties,
        new JdbcTransactionManager(dataSource));
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "parking.outbox",
      name = "relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
    return new OutboxRelayScheduler(relay, properties);
  }
}
