package io.parking.notification.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drops the random test schema when the shared context closes, before the pool shuts down, and
 * stops the test SMTP server and webhook receiver.
 */
@TestConfiguration(proxyBeanMethods = false)
class SchemaCleanup {

  @Bean
  DisposableBean dropTestSchema(JdbcClient jdbc) {
    return () -> jdbc.sql("DROP SCHEMA IF EXISTS " + IntegrationTest.SCHEMA + " CASCADE").update();
  }

  @Bean
  DisposableBean stopTestServers() {
    return () -> {
      IntegrationTest.SMTP.stop();
      IntegrationTest.WEBHOOKS.stop();
    };
  }
}
