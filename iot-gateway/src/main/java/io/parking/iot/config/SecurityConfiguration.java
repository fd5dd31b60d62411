package io.parking.iot.config;

import io.parking.support.security.Roles;
import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the gateway's HTTP surface, which has no API of its own: health and the API docs
 * are open ({@link ServiceSecurity}), the metrics (rejected sensor messages among them) need the
 * {@code operator} role, and every other path is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(
        http,
        auth ->
            auth.requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**")
                .hasRole(Roles.OPERATOR));
  }
}
