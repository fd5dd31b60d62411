package io.parking.payment.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drops the random test schema when the shared context closes, before the pool shuts down. */
@TestConfiguration(proxyBeanMethods = false)
class SchemaCleanup {

  @Bean
  DisposableBean dropTestSchema(JdbcClient jdbc) {
    return () -> jdbc.sql("DROP SCHEMA IF EXISTS " + IntegrationTest.SCHEMA + " CASCADE").update();
  }
}
