package io.parking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auto-configuration on its own, in small contexts beside the shared one. They use the shared
 * context's schema and broker; the shared context's relay stays off, so only theirs runs.
 */
class OutboxAutoConfigurationTest extends OutboxIntegrationTest {

  @Test
  void scheduledRelaySendsCommittedEvent() {
    String key = newKey("scheduled");

    runner(StringSerializer.class)
        .withPropertyValues("parking.outbox.relay-interval=100ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(OutboxRelayScheduler.class).isRunning()).isTrue();
              Outbox contextOutbox = context.getBean(Outbox.class);
              TransactionTemplate transaction =
                  new TransactionTemplate(
                      new JdbcTransactionManager(context.getBean(DataSource.class)));

              transaction.executeWithoutResult(
                  status -> contextOutbox.append(message(key, "{\"step\": 0}")));

              await()
                  .atMost(Duration.ofSeconds(20))
                  .until(() -> rowsOf(key).get(0).get("published_at") != null);
              assertThat(recordsOf(key)).hasSize(1);
            });
  }

  @Test
  void disabledRelayHasNoScheduler() {
    runner(StringSerializer.class)
        .withPropertyValues("parking.outbox.relay-enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Outbox.class);
              assertThat(context).hasSingleBean(OutboxRelay.class);
              assertThat(context).doesNotHaveBean(OutboxRelayScheduler.class);
            });
  }

  @Test
  void nonStringValueSerializerFailsStartup() {
    runner(ByteArraySerializer.class)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ByteArraySerializer.class.getName())
                    .hasMessageContaining("spring.kafka.producer.value-serializer"));
  }

  @Test
  void zeroBatchSizeFailsStartup() {
    runner(StringSerializer.class)
        .withPropertyValues("parking.outbox.batch-size=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("parking.outbox.batch-size must be 1 or more, was 0"));
  }

  /**
   * Prepares a context with only this module's auto-configuration, a DataSource on the test schema
   * and a producer factory for the test broker whose values use {@code valueSerializer}. The
   * DataSource opens a connection per use, so closing the context closes nothing that the shared
   * one uses.
   */
  private ApplicationContextRunner runner(Class<?> valueSerializer) {
    Map<String, Object> producer =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            valueSerializer,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            5000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            15000);
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
        .withBean(
            DataSource.class,
            () ->
                new DriverManagerDataSource(
                    DB_URL + "?currentSchema=" + SCHEMA, DB_USER, DB_PASSWORD))
        .withBean(ProducerFactory.class, () -> new DefaultKafkaProducerFactory<>(producer));
  }
}
