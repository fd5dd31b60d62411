package io.parking.booking.config;

import io.parking.booking.booking.BookingProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ParkingProperties.class, BookingProperties.class})
class ParkingConfiguration {

  /** Clock of every booking rule that depends on the current time; tests replace it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
