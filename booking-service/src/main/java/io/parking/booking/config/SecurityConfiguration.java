package io.parking.booking.config;

import io.parking.support.security.Roles;
import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The roles allowed on each path. Every request needs a bearer token, except health and the API
 * docs, and {@link ServiceSecurity} denies any path not named here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(
        http,
        auth ->
            auth
                // The availability service reads the lot catalogue with a service token.
                .requestMatchers(HttpMethod.GET, "/api/lots/**", "/api/spots/**")
                .hasAnyRole(Roles.DRIVER, Roles.OPERATOR, Roles.SERVICE)
                .requestMatchers("/api/bookings/**")
                .hasRole(Roles.DRIVER)
                .requestMatchers("/api/operator/**")
                .hasRole(Roles.OPERATOR)
                .requestMatchers("/internal/**")
                .hasRole(Roles.SERVICE));
  }
}
