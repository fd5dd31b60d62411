package io.parking.availability.config;

import io.parking.support.web.ServiceSecurity;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the HTTP API. The three count reads are open to anonymous callers and to every
 * role, because kiosks and apps show them before anyone signs in, and the API gateway rate-limits
 * anonymous reads. {@link ServiceSecurity} keeps health and the API docs open and denies every
 * other path and method.
 *
 * <p>A request that carries a bearer token is still authenticated on these open paths, so an
 * expired or wrongly signed token gets 401 instead of being read as anonymous.
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
                // Spring Security 6 and later authorize every dispatch, not just the first one.
                // An ASYNC dispatch resumes a request that was authorized already (the change
                // stream ends with one), and an ERROR dispatch renders that request's error.
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(
                    HttpMethod.GET,
                    "/api/lots/{lotId}/availability",
                    "/api/lots/{lotId}/availability/stream",
                    "/api/lots/{lotId}/floors/{floorId}/availability")
                .permitAll());
  }
}
