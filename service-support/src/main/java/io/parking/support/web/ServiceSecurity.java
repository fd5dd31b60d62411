package io.parking.support.web;

import io.parking.support.security.Roles;
import io.parking.support.security.TokenValidation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Builds a service's security filter chain: stateless bearer-token authentication with the shared
 * {@link JwtDecoder}, problem details for 401 and 403, open health and API-docs endpoints, and
 * metrics for operators and services. The service adds its own path rules; any path they do not
 * name is denied.
 */
public final class ServiceSecurity {

  private static final Logger log = LoggerFactory.getLogger(ServiceSecurity.class);

  private final JwtDecoder decoder;

  public ServiceSecurity(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  /** The chain with the service's {@code rules} between the open endpoints and the final deny. */
  public SecurityFilterChain build(
      HttpSecurity http,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(TokenValidation.rolesToAuthorities());
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**",
                      "/error")
                  .permitAll();
              auth.requestMatchers("/actuator/metrics", "/actuator/metrics/**")
                  .hasAnyRole(Roles.OPERATOR, Roles.SERVICE);
              rules.customize(auth);
              auth.anyRequest().denyAll();
            })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(unauthenticated())
                    .accessDeniedHandler(forbidden()))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()));
    return http.build();
  }

  static AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) -> {
      log.info("Rejected {} {} with 401: {}", request.getMethod(), path(request), e.getMessage());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      ProblemJson.write(
          response,
          401,
          "unauthenticated",
          "Authentication required",
          "This endpoint needs a valid bearer token in the Authorization header ("
              + e.getMessage()
              + "). Send 'Authorization: Bearer <token>'; ./parking token mints one locally.",
          path(request));
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) -> {
      log.info(
          "Rejected {} {} with 403: the token lacks the role", request.getMethod(), path(request));
      ProblemJson.write(
          response,
          403,
          "forbidden",
          "Role not allowed",
          "The token's roles do not allow "
              + request.getMethod()
              + " "
              + path(request)
              + ". docs/security.md lists what each role may do.",
          path(request));
    };
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
