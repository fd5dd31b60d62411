package io.parking.booking.support;

import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the run's schema when the shared test context closes. The bean depends on the data source,
 * so Spring destroys it, and runs the drop, before it closes the connection pool.
 */
@TestConfiguration(proxyBeanMethods = false)
class SchemaCleanup {

  @Bean
  DisposableBean dropTestSchema(DataSource dataSource) {
    return () ->
        new JdbcTemplate(dataSource)
            .execute("DROP SCHEMA IF EXISTS " + TestDatabase.SCHEMA + " CASCADE");
  }
}
