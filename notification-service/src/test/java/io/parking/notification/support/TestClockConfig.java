package io.parking.notification.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the service a clock the tests move. It starts long before any test booking. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfig {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(Instant.parse("2000-01-01T00:00:00Z"));
  }
}
