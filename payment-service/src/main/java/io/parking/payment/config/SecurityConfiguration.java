package io.parking.payment.config;

import io.parking.support.security.Roles;
import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the service: drivers call {@code /api/payments} and everything under it, about
 * their own payments only. Health and the API docs are open; {@link ServiceSecurity} denies every
 * other path.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(
        http,
        auth -> auth.requestMatchers("/api/payments", "/api/payments/**").hasRole(Roles.DRIVER));
  }
}
