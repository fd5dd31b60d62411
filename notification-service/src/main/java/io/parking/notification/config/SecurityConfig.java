package io.parking.notification.config;

import io.parking.support.security.Roles;
import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the service. Drivers and operators read their own feed and e-mail history under
 * {@code /api/notifications/**}. Health and the API docs are open, and every other path is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(
        http,
        auth ->
            auth.requestMatchers("/api/notifications", "/api/notifications/**")
                .hasAnyRole(Roles.DRIVER, Roles.OPERATOR));
  }
}
