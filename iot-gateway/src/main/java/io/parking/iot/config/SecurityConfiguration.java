package io.parking.iot.config;

import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the gateway's HTTP surface, which has no API of its own: {@link ServiceSecurity}
 * opens health and the API docs, lets operators read the metrics (rejected sensor messages among
 * them), and denies every other path.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(http, auth -> {});
  }
}
