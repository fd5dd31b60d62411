package io.parking.booking.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's system clock with a {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock();
  }
}
