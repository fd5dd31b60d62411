package io.parking.outbox;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The smallest application that uses the module: Boot's DataSource, Flyway and Kafka
 * auto-configuration plus this module's. Flyway creates the outbox table from the test migration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxTestApplication {

  /** Drops the random test schema when the shared context closes, before the pool shuts down. */
  @Bean
  DisposableBean dropTestSchema(JdbcClient jdbc) {
    return () ->
        jdbc.sql("DROP SCHEMA IF EXISTS " + OutboxIntegrationTest.SCHEMA + " CASCADE").update();
  }
}
